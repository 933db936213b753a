"""Pure rules of the field: value lists, entities, validation. No Qt, no SQL."""
