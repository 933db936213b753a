"""The agenda: day and week views of planned appointments and workshops."""
