/**
 * The stack's alarms, every one with AlarmActions and OKActions on one SNS topic: the
 * stack's own AlarmTopic (with an e-mail subscription when ALARM_EMAIL is set) or
 * ALARM_TOPIC_ARN. What each one means and what to do: docs/operations.md, "Alarms".
 * Generated (a file variable source of serverless.yml) because the per-function alarms
 * follow the functions: a function added to serverless.yml gets its Errors and
 * Throttles alarms without another line here.
 */
'use strict';

const { METRICS_NAMESPACE, logicalIdOf } = require('./stack-names.cjs');

module.exports = async ({ resolveVariable, resolveConfigurationProperty }) => {
  const service = await resolveConfigurationProperty(['service']);
  const stage = await resolveVariable('sls:stage');
  const settings = await resolveConfigurationProperty(['custom', 'settings']);
  const functions = await resolveConfigurationProperty(['functions']);
  const prefix = `${service}-${stage}`;
  const Resources = {};

  if (!settings.alarmTopicArn) {
    Resources.AlarmTopic = { Type: 'AWS::SNS::Topic', Properties: { TopicName: `${prefix}-alarms`, DisplayName: `${prefix} alarms` } };
    if (settings.alarmEmail) {
      // SNS e-mails a confirmation link first: nothing arrives until it is clicked.
      Resources.AlarmEmailSubscription = {
        Type: 'AWS::SNS::Subscription',
        Properties: { TopicArn: { Ref: 'AlarmTopic' }, Protocol: 'email', Endpoint: settings.alarmEmail },
      };
    }
  }
  const actions = [settings.alarmTopic];
  const alarm = (logicalId, name, description, metric) => {
    Resources[logicalId] = {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmName: `${prefix}-${name}`,
        AlarmDescription: description,
        ActionsEnabled: true,
        AlarmActions: actions,
        OKActions: actions,
        TreatMissingData: 'notBreaching',
        ...metric,
      },
    };
  };
  const atLeastOne = { Statistic: 'Sum', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' };

  alarm('DeadLetterAlarm', 'dead-letters', 'Customer turns the bot could not answer are waiting in the dead-letter queue (npm run dlq -- list).', {
    Namespace: 'AWS/SQS',
    MetricName: 'ApproximateNumberOfMessagesVisible',
    Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['JobsDeadLetterQueue', 'QueueName'] } }],
    Statistic: 'Maximum',
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: 0,
    ComparisonOperator: 'GreaterThanThreshold',
  });
  alarm(
    'BacklogAlarm',
    'jobs-backlog',
    'Customers have waited over 5 minutes for the bot (worker failing or throttled, or portals at their REST limit); see docs/operations.md.',
    {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateAgeOfOldestMessage',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['JobsQueue', 'QueueName'] } }],
      Statistic: 'Maximum',
      Period: 60,
      EvaluationPeriods: 3,
      Threshold: 300,
      ComparisonOperator: 'GreaterThanThreshold',
    },
  );

  for (const [name, fn] of Object.entries(functions)) {
    const id = logicalIdOf(name);
    // A scheduled job runs once a day: its alarm stays up until the next run says otherwise.
    const period = (fn.events ?? []).some((event) => event.schedule) ? 86_400 : 300;
    const dimensions = [{ Name: 'FunctionName', Value: { Ref: `${id}LambdaFunction` } }];
    alarm(
      `${id}ErrorsAlarm`,
      `${name}-errors`,
      `The ${name} function failed (crashed, timed out, or could not start: a bad deploy, configuration or IAM); see its log group.`,
      {
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: dimensions,
        Period: period,
        EvaluationPeriods: 1,
        ...atLeastOne,
      },
    );
    alarm(
      `${id}ThrottlesAlarm`,
      `${name}-throttles`,
      `The ${name} function was throttled (account or reserved concurrency reached); requests were refused or delayed.`,
      {
        Namespace: 'AWS/Lambda',
        MetricName: 'Throttles',
        Dimensions: dimensions,
        Period: period,
        EvaluationPeriods: 1,
        ...atLeastOne,
      },
    );
  }

  alarm(
    'ApiServerErrorsAlarm',
    'api-5xx',
    'The HTTP API answered 5xx: Bitrix24 does not send an event again, so each one may be a lost customer message or install.',
    {
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      Dimensions: [{ Name: 'ApiId', Value: { Ref: 'HttpApi' } }],
      Period: 300,
      EvaluationPeriods: 1,
      ...atLeastOne,
    },
  );
  const stageDimension = { Name: 'Stage', Value: stage };
  alarm(
    'KeepAliveFailedAlarm',
    'keepalive-failed',
    "The daily token keep-alive job could not refresh some portals' stale token pairs (OAuth server down or slow); the next run tries again. See docs/operations.md.",
    {
      Namespace: METRICS_NAMESPACE,
      MetricName: 'KeepAliveFailed',
      Dimensions: [stageDimension],
      Period: 86_400,
      EvaluationPeriods: 1,
      ...atLeastOne,
    },
  );
  alarm(
    'ClientSecretRejectedAlarm',
    'client-secret-rejected',
    "The OAuth server refused the app's client secret (invalid_client): the secret in SSM does not match the application's. No portal's tokens can be refreshed.",
    {
      Namespace: METRICS_NAMESPACE,
      MetricName: 'TokenRefreshFailed',
      Dimensions: [stageDimension, { Name: 'Reason', Value: 'invalid_client' }],
      Period: 300,
      EvaluationPeriods: 1,
      ...atLeastOne,
    },
  );

  return { Resources };
};
