SET e._lock = true
REMOVE e._lock
