from arrangements.cli import main

raise SystemExit(main())
