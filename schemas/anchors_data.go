// Code generated from the asyncapi/spec repository; DO NOT EDIT.
// The section anchors (<a name="...">) of the specification text at each release tag
// (versions/2.0.0/asyncapi.md at v2.0.0, spec/asyncapi.md from v2.1.0 on), grouped by the range
// of versions that have them. Every anchor's set of versions is such a range.

package schemas

var anchorRanges = []struct{ from, to, names string }{
	{"2.0.0", "3.1.0", "" +
		"A2SAsyncAPI A2SChannels A2SComponents A2SId A2SIdString A2SInfo A2SObject A2SServers " +
		"A2SVersionString channelBindingsObject channelBindingsObjectAMQP channelBindingsObjectAMQP1 " +
		"channelBindingsObjectHTTP channelBindingsObjectJMS channelBindingsObjectKafka " +
		"channelBindingsObjectMQTT channelBindingsObjectMQTT5 channelBindingsObjectNATS " +
		"channelBindingsObjectRedis channelBindingsObjectSNS channelBindingsObjectSQS " +
		"channelBindingsObjectSTOMP channelBindingsObjectWebSockets channelsObject channelsObjectChannel " +
		"componentsChannelBindings componentsCorrelationIDs componentsMessageBindings componentsMessages " +
		"componentsMessageTraits componentsObject componentsOperationBindings componentsOperationTraits " +
		"componentsParameters componentsSchemas componentsSecuritySchemes componentsServerBindings " +
		"contactObject contactObjectEmail contactObjectName contactObjectUrl correlationIdObject " +
		"dataTypeFormat defaultContentTypeString definitions definitionsApplication definitionsChannel " +
		"definitionsMessage definitionsProtocol externalDocDescription externalDocumentationObject " +
		"externalDocUrl file-structure format infoExtensions infoObject infoObjectContact " +
		"infoObjectDescription infoObjectLicense infoObjectTermsOfService infoObjectTitle infoObjectVersion " +
		"licenseObject licenseObjectName licenseObjectUrl messageBindingsObject messageBindingsObjectAMQP " +
		"messageBindingsObjectAMQP1 messageBindingsObjectHTTP messageBindingsObjectJMS " +
		"messageBindingsObjectKafka messageBindingsObjectMQTT messageBindingsObjectMQTT5 " +
		"messageBindingsObjectNATS messageBindingsObjectRedis messageBindingsObjectSNS " +
		"messageBindingsObjectSQS messageBindingsObjectSTOMP messageBindingsObjectWebSockets messageObject " +
		"messageObjectBindings messageObjectContentType messageObjectCorrelationId messageObjectDescription " +
		"messageObjectExamples messageObjectExternalDocs messageObjectHeaders messageObjectName " +
		"messageObjectPayload messageObjectSummary messageObjectTags messageObjectTitle messageObjectTraits " +
		"messageTraitObject messageTraitObjectBindings messageTraitObjectContentType " +
		"messageTraitObjectCorrelationId messageTraitObjectDescription messageTraitObjectExamples " +
		"messageTraitObjectExternalDocs messageTraitObjectHeaders messageTraitObjectName " +
		"messageTraitObjectSummary messageTraitObjectTags messageTraitObjectTitle oauthFlowAuthorizationUrl " +
		"oauthFlowObject oauthFlowRefreshUrl oauthFlowsAuthorizationCode oauthFlowsClientCredentials " +
		"oauthFlowScopes oauthFlowsImplicit oauthFlowsObject oauthFlowsPassword oauthFlowTokenUrl " +
		"operationBindingsObject operationBindingsObjectAMQP operationBindingsObjectAMQP1 " +
		"operationBindingsObjectHTTP operationBindingsObjectJMS operationBindingsObjectKafka " +
		"operationBindingsObjectMQTT operationBindingsObjectMQTT5 operationBindingsObjectNATS " +
		"operationBindingsObjectRedis operationBindingsObjectSNS operationBindingsObjectSQS " +
		"operationBindingsObjectSTOMP operationBindingsObjectWebSockets operationObject " +
		"operationObjectBindings operationObjectDescription operationObjectExternalDocs " +
		"operationObjectSummary operationObjectTags operationObjectTraits operationTraitObject " +
		"operationTraitObjectBindings operationTraitObjectDescription operationTraitObjectExternalDocs " +
		"operationTraitObjectSummary operationTraitObjectTags parameterObject parameterObjectDescription " +
		"parametersObject parametersObjectName referenceObject referenceRef runtimeExpression " +
		"runtimeExpressionExamples schema schemaComposition schemaObject schemaObjectDeprecated " +
		"schemaObjectDiscriminator schemaObjectExternalDocs securitySchemeFlows securitySchemeObject " +
		"securitySchemeObjectBearerFormat securitySchemeObjectDescription securitySchemeObjectIn " +
		"securitySchemeObjectName securitySchemeObjectScheme securitySchemeObjectType " +
		"securitySchemeOpenIdConnectUrl serverBindingsObject serverBindingsObjectAMQP " +
		"serverBindingsObjectAMQP1 serverBindingsObjectHTTP serverBindingsObjectJMS serverBindingsObjectKafka " +
		"serverBindingsObjectMQTT serverBindingsObjectMQTT5 serverBindingsObjectNATS " +
		"serverBindingsObjectRedis serverBindingsObjectSNS serverBindingsObjectSQS serverBindingsObjectSTOMP " +
		"serverBindingsObjectWebSockets serverObject serverObjectBindings serverObjectDescription " +
		"serverObjectProtocol serverObjectProtocolVersion serverObjectSecurity serverObjectVariables " +
		"serversObject serversObjectServer serverVariableObject serverVariableObjectDefault " +
		"serverVariableObjectDescription serverVariableObjectEnum serverVariableObjectExamples specification " +
		"specificationExtensions tagObject tagObjectDescription tagObjectExternalDocs tagObjectName " +
		"tagsObject"},
	{"2.0.0", "2.6.0", "" +
		"A2SExternalDocs A2STags channelItemObject channelItemObjectBindings channelItemObjectDescription " +
		"channelItemObjectParameters channelItemObjectPublish channelItemObjectRef channelItemObjectSubscribe " +
		"definitionsConsumer definitionsProducer messageObjectSchemaFormat messageObjectSchemaFormatTable " +
		"messageTraitObjectSchemaFormat operationObjectMessage operationObjectOperationId " +
		"operationTraitObjectOperationId parameterObjectSchema securityRequirementObject " +
		"securityRequirementsName serverObjectUrl"},
	{"2.1.0", "3.1.0", "" +
		"A2SDefaultContentType channelBindingsObjectIBMMQ channelBindingsObjectMercure definitionsBindings " +
		"messageBindingsObjectIBMMQ messageBindingsObjectMercure operationBindingsObjectMercure " +
		"serverBindingsObjectIBMMQ serverBindingsObjectMercure"},
	{"2.2.0", "3.1.0", "" +
		"channelBindingsObjectAnypointMQ messageBindingsObjectAnypointMQ messageExampleObject " +
		"messageExampleObjectHeaders messageExampleObjectName messageExampleObjectPayload " +
		"messageExampleObjectSummary operationBindingsObjectAnypointMQ serverBindingsObjectAnypointMQ"},
	{"2.2.0", "2.6.0", "" +
		"channelItemObjectServers"},
	{"2.3.0", "3.1.0", "" +
		"channelBindingsObjectSolace componentsChannels componentsServers messageBindingsObjectSolace " +
		"operationBindingsObjectSolace serverBindingsObjectSolace"},
	{"2.4.0", "3.1.0", "" +
		"componentsServerVariables definitionsServer operationObjectSecurity operationTraitObjectSecurity"},
	{"2.4.0", "2.6.0", "" +
		"messageObjectMessageId messageTraitObjectMessageId"},
	{"2.5.0", "3.1.0", "" +
		"absolute-urls channelBindingsObjectGooglePubSub messageBindingsObjectGooglePubSub " +
		"operationBindingsObjectGooglePubSub operationBindingsObjectIBMMQ serverBindingsObjectGooglePubSub " +
		"serverObjectTags"},
	{"2.6.0", "3.1.0", "" +
		"channelBindingsObjectPulsar messageBindingsObjectPulsar operationBindingsObjectPulsar " +
		"serverBindingsObjectPulsar"},
	{"3.0.0", "3.1.0", "" +
		"A2SOperations channelAddressExpressions channelObject channelObjectAddress channelObjectBindings " +
		"channelObjectDescription channelObjectExternalDocs channelObjectMessages channelObjectParameters " +
		"channelObjectServers channelObjectSummary channelObjectTags channelObjectTitle " +
		"componentsExternalDocs componentsOperations componentsReplies componentsReplyAddresses " +
		"componentsTags definitionsReceiver definitionsSender infoObjectExternalDocs infoObjectTags " +
		"messagesObject messagesObjectId multiFormatSchemaFormatTable multiFormatSchemaObject " +
		"multiFormatSchemaObjectSchema multiFormatSchemaObjectSchemaFormat operationObjectAction " +
		"operationObjectChannel operationObjectMessages operationObjectReply operationObjectTitle " +
		"operationReplyAddressObject operationReplyObject operationReplyObjectAddress " +
		"operationReplyObjectChannel operationReplyObjectMessages operationsObject operationsObjectOperation " +
		"operationTraitObjectTitle parameterObjectDefault parameterObjectEnum parameterObjectExamples " +
		"parameterObjectLocation securitySchemeScopes serverObjectExternalDocs serverObjectHost " +
		"serverObjectPathname serverObjectSummary serverObjectTitle traitsMergeMechanism"},
	{"3.1.0", "3.1.0", "" +
		"channelBindingsObjectROS2 messageBindingsObjectROS2 operationBindingsObjectROS2 " +
		"serverBindingsObjectROS2"},
}
