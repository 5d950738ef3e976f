"""The facts the prose states: numbers and dates computed from the datasets by named functions
and worded for a sentence (``wording``), so that a chapter's glue cell only glues them."""
