"""The benchmark (issue 9): `python -m bench.run` writes bench/results.md."""
