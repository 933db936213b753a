"""Small widgets shared by the forms and views."""
