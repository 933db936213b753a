"""The central record: the server advisors' laptops sync with (FastAPI + SQLAlchemy).

`create_app()` in `app.py` builds the ASGI app; `admin.py` holds the programmatic
administration (teams, advisors, venues, devices) shared by the CLI and the tests.
"""
