"""Great Expectations suites for every validated table, and the validation step that applies them."""
