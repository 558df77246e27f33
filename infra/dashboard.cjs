/**
 * The stack's CloudWatch dashboard (`<service>-<stage>`): the alarms' state, what comes
 * in (events, the HTTP API), what the bot does with it (customer turns, time to reply,
 * REST calls and Bitrix24's "slow down" answers, dead letters), tokens, and the Lambda
 * functions. The bot's own metrics are the EMF lines of lib/metrics.ts (namespace
 * B24OpenLinesBot, dimension Stage). A file variable source of serverless.yml.
 */
'use strict';

const { METRICS_NAMESPACE, logicalIdOf } = require('./stack-names.cjs');

module.exports = async ({ resolveVariable, resolveConfigurationProperty }) => {
  const service = await resolveConfigurationProperty(['service']);
  const stage = await resolveVariable('sls:stage');
  const functions = Object.keys(await resolveConfigurationProperty(['functions']));
  const prefix = `${service}-${stage}`;

  const bot = (name, options = {}) => [METRICS_NAMESPACE, name, 'Stage', stage, options];
  const lambda = (metric, stat) => functions.map((name) => ['AWS/Lambda', metric, 'FunctionName', `${prefix}-${name}`, { stat, label: name }]);
  const queue = (metric, name, label) => ['AWS/SQS', metric, 'QueueName', name, { label }];
  const api = (metric) => ['AWS/ApiGateway', metric, 'ApiId', '${HttpApi}', { label: metric }];

  let slot = 0;
  const widget = (title, metrics, properties = {}) => {
    const at = slot++;
    return {
      type: 'metric',
      x: (at % 3) * 8,
      y: 6 + Math.floor(at / 3) * 6,
      width: 8,
      height: 6,
      properties: { title, region: '${AWS::Region}', view: 'timeSeries', stacked: false, stat: 'Sum', period: 300, metrics, ...properties },
    };
  };

  const alarmIds = [
    'DeadLetterAlarm',
    'BacklogAlarm',
    'ApiServerErrorsAlarm',
    'KeepAliveFailedAlarm',
    'ClientSecretRejectedAlarm',
    ...functions.flatMap((name) => [`${logicalIdOf(name)}ErrorsAlarm`, `${logicalIdOf(name)}ThrottlesAlarm`]),
  ];
  const widgets = [
    { type: 'alarm', x: 0, y: 0, width: 24, height: 6, properties: { title: 'Alarms (docs/operations.md)', alarms: alarmIds.map((id) => `\${${id}.Arn}`) } },
    widget('Events from Bitrix24', [
      bot('EventAccepted', { label: 'accepted' }),
      bot('EventRefused', { label: 'refused (4xx)' }),
      bot('EventFailed', { label: 'failed (5xx)' }),
    ]),
    widget('HTTP API', [api('Count'), api('4xx'), api('5xx')]),
    widget('Customer turns and time to reply', [
      bot('CustomerTurn', { label: 'turns' }),
      bot('ReplyLatency', { stat: 'p50', label: 'reply p50 (ms)', yAxis: 'right' }),
      bot('ReplyLatency', { stat: 'p99', label: 'reply p99 (ms)', yAxis: 'right' }),
    ]),
    widget('Bitrix24 REST', [
      bot('RestRequest', { label: 'requests' }),
      bot('RestRetry', { label: 'retries' }),
      bot('RestRateLimited', { label: 'rate-limit answers' }),
    ]),
    widget(
      'Queue',
      [
        queue('ApproximateAgeOfOldestMessage', `${prefix}-jobs.fifo`, 'oldest job (s)'),
        queue('ApproximateNumberOfMessagesVisible', `${prefix}-jobs-dlq.fifo`, 'dead letters waiting'),
        bot('DeadLetter', { label: 'dead-lettered', stat: 'Sum' }),
      ],
      { stat: 'Maximum' },
    ),
    widget('Tokens', [
      bot('TokenRefresh', { label: 'refreshed' }),
      bot('TokenRefreshFailed', { label: 'refresh failed' }),
      bot('KeepAliveRefreshed', { label: 'keep-alive refreshed' }),
      bot('KeepAliveRefused', { label: 'keep-alive refused' }),
      bot('KeepAliveFailed', { label: 'keep-alive failed' }),
    ]),
    widget('Lambda errors', lambda('Errors', 'Sum')),
    widget('Lambda throttles', lambda('Throttles', 'Sum')),
    widget('Lambda duration p99 (ms)', lambda('Duration', 'p99')),
  ];

  return {
    Resources: {
      Dashboard: {
        Type: 'AWS::CloudWatch::Dashboard',
        Properties: { DashboardName: prefix, DashboardBody: { 'Fn::Sub': JSON.stringify({ widgets }) } },
      },
    },
  };
};
