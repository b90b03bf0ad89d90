"""Great Expectations suites (as code) over the figure marts, and the checkpoint runner the DAG calls."""
