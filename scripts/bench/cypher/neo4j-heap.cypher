// Benchmark only: the Neo4j JVM's heap use, in bytes. Params: none. Returns: used, committed, max.
CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes
WITH attributes.HeapMemoryUsage.value.properties AS heap
RETURN heap.used AS used, heap.committed AS committed, heap.max AS max
