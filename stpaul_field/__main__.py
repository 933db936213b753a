from stpaul_field.cli import main

raise SystemExit(main())
