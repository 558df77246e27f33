/**
 * The custom domain (DOMAIN_NAME + CERTIFICATE_ARN, an ACM certificate in the stack's
 * region): the HTTP API's regional domain name and its mapping, so the handler URL
 * written into every portal's bot (PUBLIC_URL = https://DOMAIN_NAME) survives the API
 * being recreated. Point the name's DNS at the ApiDomainTarget output (CNAME, or a
 * Route 53 alias with ApiDomainHostedZoneId). Nothing without DOMAIN_NAME.
 */
'use strict';

module.exports = async ({ resolveConfigurationProperty }) => {
  const { domainName, certificateArn } = await resolveConfigurationProperty(['custom', 'settings']);
  if (!domainName) return {};
  return {
    Resources: {
      ApiDomainName: {
        Type: 'AWS::ApiGatewayV2::DomainName',
        Properties: {
          DomainName: domainName,
          DomainNameConfigurations: [{ CertificateArn: certificateArn, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }],
        },
      },
      ApiDomainMapping: {
        Type: 'AWS::ApiGatewayV2::ApiMapping',
        Properties: { ApiId: { Ref: 'HttpApi' }, DomainName: { Ref: 'ApiDomainName' }, Stage: { Ref: 'HttpApiStage' } },
      },
    },
    Outputs: {
      ApiDomainTarget: { Description: `DNS: ${domainName} CNAME (or alias) to this`, Value: { 'Fn::GetAtt': ['ApiDomainName', 'RegionalDomainName'] } },
      ApiDomainHostedZoneId: { Description: 'For a Route 53 alias record', Value: { 'Fn::GetAtt': ['ApiDomainName', 'RegionalHostedZoneId'] } },
    },
  };
};
