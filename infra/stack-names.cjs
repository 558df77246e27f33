/**
 * Names shared by the generated parts of the stack (alarms, dashboard): osls's logical
 * id of a function (lib/plugins/aws/lib/naming.js: getNormalizedResourceName) and the
 * metrics' namespace, which must equal lib/metrics.ts's METRICS_NAMESPACE (the template
 * test checks it).
 */
'use strict';

const METRICS_NAMESPACE = 'B24OpenLinesBot';

/** `worker` → `Worker`, as osls names `WorkerLambdaFunction`. */
const logicalIdOf = (name) => {
  const id = name.replace(/-/g, 'Dash').replace(/_/g, 'Underscore');
  return id.charAt(0).toUpperCase() + id.slice(1);
};

module.exports = { METRICS_NAMESPACE, logicalIdOf };
