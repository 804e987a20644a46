import os

# Tests need a secret but must not run in DEBUG mode; settings refuse to start without one.
os.environ.setdefault("CAUNOI_SECRET_KEY", "tests-only-not-a-secret")
