"""The legal register: which instruments a checklist may cite, and whether each is law on a day."""
