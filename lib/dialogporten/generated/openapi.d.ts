/**
 * Generated from @digdir/dialogporten-schema (swagger.verified.json) by `npm run dialogporten:types`.
 * Do not edit: regenerate after upgrading the package. A unit test fails when this file is stale.
 */

export interface paths {
    "/api/v1/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets the JSON Web Key Set (JWKS) containing the public keys used to verify dialog token signatures
         * @description This endpoint can be used by client integrations supporting automatic discovery of "OAuth 2.0 Authorization Server" metadata, enabling verification of dialog tokens issued by Dialogporten.
         */
        get: operations["V1WellKnownJwksGet_Jwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/.well-known/oauth-authorization-server": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets the OAuth 2.0 Metadata for automatic configuration of clients verifying dialog tokens
         * @description This endpoint can be used by client integrations supporting automatic discovery of "OAuth 2.0 Authorization Server" metadata, enabling verification of dialog tokens issued by Dialogporten.
         */
        get: operations["V1WellKnownOauthAuthorizationServerGet_OauthAuthorizationServer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enduser/dialoglookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Looks up a dialog by instance reference
         * @description Resolves dialog metadata and authorization evidence for a supported instance reference.
         */
        get: operations["V1EndUserDialogLookupQueriesGet_DialogLookup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enduser/dialogs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets a list of dialogs
         * @description Performs a search for dialogs, returning a paginated list of dialogs.
         *
         *     * All date parameters must contain explicit time zone. Example: 2023-10-27T10:00:00Z or 2023-10-27T10:00:00+01:00
         *     * See "continuationToken" in the response for how to get the next page of results.
         *     * hasNextPage will be set to true if there are more items to get.
         */
        get: operations["V1EndUserDialogsQueriesSearch_Dialog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enduser/dialogs/{dialogId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets a single dialog
         * @description Gets a single dialog aggregate.
         */
        get: operations["V1EndUserDialogsQueriesGet_Dialog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enduser/dialogs/{dialogId}/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets a list of dialog activities
         * @description Gets the list of activities belonging to a dialog
         */
        get: operations["V1EndUserDialogsQueriesSearchActivities_DialogActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enduser/dialogs/{dialogId}/activities/{activityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets a single dialog activity
         * @description Gets a single activity belonging to a dialog.
         */
        get: operations["V1EndUserDialogsQueriesGetActivity_DialogActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enduser/dialogs/{dialogId}/context/labellog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets a list of dialog label assignment logs
         * @description Gets the list of label assignment logs belonging to a dialog
         */
        get: operations["V1EndUserEndUserContextQueriesSearchLabelAssignmentLogs_DialogLabelAssignmentLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enduser/dialogs/{dialogId}/context/systemlabels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Sets the system labels of a dialog
         * @description Sets the system labels of the dialog.
         *
         *     Optimistic concurrency control is implemented using the If-Match header. Supply EnduserContextRevision to ensure that the context is not modified/deleted by another request in the meantime.
         */
        put: operations["V1EndUserEndUserContextCommandsSetSystemLabel_SetDialogSystemLabels"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enduser/dialogs/{dialogId}/seenlog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets all seen log records for a dialog
         * @description Gets all seen log records for a dialog.
         */
        get: operations["V1EndUserDialogsQueriesSearchSeenLogs_DialogSeenLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enduser/dialogs/{dialogId}/seenlog/{seenLogId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets a single dialog seen log record
         * @description Gets a single dialog seen log record.
         */
        get: operations["V1EndUserDialogsQueriesGetSeenLog_DialogSeenLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enduser/dialogs/{dialogId}/transmissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets a list of dialog transmissions
         * @description Gets the list of transmissions belonging to a dialog
         */
        get: operations["V1EndUserDialogsQueriesSearchTransmissions_DialogTransmission"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enduser/dialogs/{dialogId}/transmissions/{transmissionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets a single dialog transmission
         * @description Gets a single transmission belonging to a dialog.
         */
        get: operations["V1EndUserDialogsQueriesGetTransmission_DialogTransmission"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enduser/dialogs/context/systemlabels/actions/bulkset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sets system labels for multiple dialogs
         * @description Sets the system labels for a list of dialogs, optionally including a end user context revision for each dialog.
         */
        post: operations["V1EndUserEndUserContextCommandsBulkSetSystemLabels_BulkSetDialogSystemLabels"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enduser/parties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets the list of authorized parties for the end user
         * @description Gets the list of authorized parties for the end user.
         */
        get: operations["V1EndUserAccessManagementQueriesGetParties_Parties"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enduser/serviceresources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets the service resources the authenticated end user is authorized to use.
         * @description Returns the same service resource metadata as the public metadata endpoint, filtered to the resources the calling end user is authorized to use. Optionally narrowed by one or more party URNs. For callers authorized to a very large number of parties on an unfiltered request, the full referenced catalogue is returned instead of the authorized subset, signalled by 'isFullCatalogueFallback' (supply a party filter to always get an authorization-scoped result).
         */
        get: operations["V1EndUserServiceResourcesSearch_AuthorizedServiceResources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/metadata/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets currently enforced application-level query limits
         * @description Returns the active limits for EndUser and ServiceOwner search filters.
         */
        get: operations["V1MetadataLimitsGet_Limits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/metadata/serviceresources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets service resources currently in use in Dialogporten.
         * @description Returns public service resource metadata with related service owner, role, and access package metadata.
         */
        get: operations["V1MetadataServiceResourcesGet_ServiceResourceMetadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/serviceowner/dialoglookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Looks up a dialog by instance reference
         * @description Resolves dialog metadata for a supported instance reference in service owner context.
         */
        get: operations["V1ServiceOwnerDialogLookupQueriesGet_DialogLookup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/serviceowner/dialogs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets a list of dialogs
         * @description Performs a search for dialogs, returning a paginated list of dialogs.
         *
         *     * All date parameters must contain explicit time zone. Example: 2023-10-27T10:00:00Z or 2023-10-27T10:00:00+01:00
         *     * See "continuationToken" in the response for how to get the next page of results.
         *     * hasNextPage will be set to true if there are more items to get.
         */
        get: operations["V1ServiceOwnerDialogsQueriesSearch_Dialog"];
        put?: never;
        /**
         * Creates a new dialog
         * @description The dialog is created with the given configuration.
         *
         *     For detailed information on validation rules, see [the source for create dialog validators](https://github.com/Altinn/dialogporten/tree/main/src/Digdir.Domain.Dialogporten.Application/Features/V1/ServiceOwner/Dialogs/Commands/Create/Validators)
         */
        post: operations["V1ServiceOwnerDialogsCommandsCreate_Dialog"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/serviceowner/dialogs/{dialogId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets a single dialog
         * @description Gets a single dialog aggregate.
         *
         *     Note that this operation may return deleted dialogs (see the field `DeletedAt`).
         */
        get: operations["V1ServiceOwnerDialogsQueriesGet_Dialog"];
        /**
         * Replaces a dialog
         * @description Replaces a given dialog with the supplied model.
         *
         *     Optimistic concurrency control is implemented using the If-Match header. Supply the Revision value from the GetDialog endpoint to ensure that the dialog is not modified/deleted by another request in the meantime.
         */
        put: operations["V1ServiceOwnerDialogsCommandsUpdate_Dialog"];
        post?: never;
        /**
         * Deletes a dialog
         * @description Deletes a given dialog (soft delete).
         *
         *     Note that the dialog will still be available on the single details endpoint, but will have a deleted status. It will not appear on the list endpoint for either service owners nor end users.
         *     If end users attempt to access the dialog via the details endpoint, they will get a 410 Gone response.
         *
         *     Optimistic concurrency control is implemented using the If-Match header. Supply the Revision value from the GetDialog endpoint to ensure that the dialog is not deleted by another request in the meantime.
         */
        delete: operations["V1ServiceOwnerDialogsCommandsDelete_Dialog"];
        options?: never;
        head?: never;
        /**
         * Patch a single dialog
         * @description Patches a dialog aggregate with a RFC6902 JSON Patch document. The patch document must be a JSON array of RFC6902 operations.
         *     See [https://tools.ietf.org/html/rfc6902](https://tools.ietf.org/html/rfc6902) for more information.
         *
         *     Optimistic concurrency control is implemented using the If-Match header. Supply the Revision value from the GetDialog endpoint to ensure that the dialog is not modified/deleted by another request in the meantime.
         */
        patch: operations["V1ServiceOwnerDialogsPatchDialog"];
        trace?: never;
    };
    "/api/v1/serviceowner/dialogs/{dialogId}/actions/freeze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Freezes a dialog
         * @description Freezes a given dialog.
         *     The dialog cannot be updated/deleted by the service owner (but can still be altered via admin-scope) when frozen
         */
        post: operations["V1ServiceOwnerDialogsCommandsFreeze_FreezeDialog"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/serviceowner/dialogs/{dialogId}/actions/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Permanently deletes a dialog
         * @description Deletes a given dialog (hard delete).
         *
         *     Optimistic concurrency control is implemented using the If-Match header. Supply the Revision value from the GetDialog endpoint to ensure that the dialog is not deleted by another request in the meantime.
         */
        post: operations["V1ServiceOwnerDialogsCommandsPurge_Dialog"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/serviceowner/dialogs/{dialogId}/actions/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a dialog
         * @description Restore a dialog.
         */
        post: operations["V1ServiceOwnerDialogsCommandsRestore_Dialog"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/serviceowner/dialogs/{dialogId}/actions/should-send-notification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Returns a boolean value based on conditions used to determine if a notification is to be sent
         * @description Used by Altinn Notification only. Takes a dialogId and returns a boolean value based on conditions used to determine if a notification is to be sent.
         */
        get: operations["V1ServiceOwnerDialogsQueriesNotificationCondition_NotificationCondition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/serviceowner/dialogs/{dialogId}/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets a list of dialog activities
         * @description Gets the list of activities belonging to a dialog
         */
        get: operations["V1ServiceOwnerDialogsQueriesSearchActivities_DialogActivity"];
        put?: never;
        /**
         * Adds an activity to a dialog's activity history
         * @description The activity is created with the given configuration.
         *
         *     Optimistic concurrency control is implemented using the If-Match header. Supply the Revision value from the GetDialog endpoint to ensure that the dialog is not modified/deleted by another request in the meantime.
         */
        post: operations["V1ServiceOwnerDialogsCommandsCreateActivity_DialogActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/serviceowner/dialogs/{dialogId}/activities/{activityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets a single dialog activity
         * @description Gets a single activity belonging to a dialog.
         */
        get: operations["V1ServiceOwnerDialogsQueriesGetActivity_DialogActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/serviceowner/dialogs/{dialogId}/context/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve service owner labels for a dialog.
         * @description Fetches all labels associated with the service owner context of a specific dialog.
         */
        get: operations["V1ServiceOwnerServiceOwnerContextQueriesGetServiceOwnerLabel_ServiceOwnerLabel"];
        put?: never;
        /**
         * Add a service owner label to a dialog
         * @description Add a label to the service owner context.
         *     Optimistic concurrency control is implemented using the If-Match header. Supply the Revision value from the GetDialog endpoint to ensure that the dialog is not modified/deleted by another request in the meantime.
         */
        post: operations["V1ServiceOwnerServiceOwnerContextCommandsCreateServiceOwnerLabel_ServiceOwnerLabel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/serviceowner/dialogs/{dialogId}/context/labels/{label}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a service owner label for a dialog
         * @description Removes a specific label from the service owner context of a dialog. If the label does not exist, a NotFound response is returned.
         */
        delete: operations["V1ServiceOwnerServiceOwnerContextCommandsDeleteServiceOwnerLabel_ServiceOwnerLabel"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/serviceowner/dialogs/{dialogId}/endusercontext/systemlabels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Sets the system labels of a dialog
         * @description Sets the system labels of the dialog.
         *
         *     Optimistic concurrency control is implemented using the If-Match header. Supply EnduserContextRevision to ensure that the context is not modified/deleted by another request in the meantime.
         */
        put: operations["V1ServiceOwnerEndUserContextCommandsSetSystemLabel_SetDialogSystemLabels"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/serviceowner/dialogs/{dialogId}/seenlog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets all seen log records for a dialog
         * @description Gets all seen log records for a dialog.
         */
        get: operations["V1ServiceOwnerDialogsQueriesSearchSeenLogs_DialogSeenLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/serviceowner/dialogs/{dialogId}/seenlog/{seenLogId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets a single dialog seen log record
         * @description Gets a single dialog seen log record.
         */
        get: operations["V1ServiceOwnerDialogsQueriesGetSeenLog_DialogSeenLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/serviceowner/dialogs/{dialogId}/transmissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets a list of dialog transmissions
         * @description Gets the list of transmissions belonging to a dialog
         */
        get: operations["V1ServiceOwnerDialogsQueriesSearchTransmissions_DialogTransmission"];
        put?: never;
        /**
         * Adds a transmission to a dialog
         * @description The transmission is created with the given configuration.
         *
         *     Optimistic concurrency control is implemented using the If-Match header. Supply the Revision value from the GetDialog endpoint to ensure that the dialog is not modified/deleted by another request in the meantime.
         */
        post: operations["V1ServiceOwnerDialogsCommandsCreateTransmission_DialogTransmission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/serviceowner/dialogs/{dialogId}/transmissions/{transmissionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets a single dialog transmission
         * @description Gets a single transmission belonging to a dialog.
         */
        get: operations["V1ServiceOwnerDialogsQueriesGetTransmission_DialogTransmission"];
        /**
         * Replaces a transmission
         * @description Replaces a given transmission with the supplied model.
         *
         *     Optimistic concurrency control is implemented using the If-Match header. Supply the Revision value from the GetDialog endpoint to ensure that the dialog is not modified/deleted by another request in the meantime.
         */
        put: operations["V1ServiceOwnerDialogsCommandsUpdateTransmission_DialogTransmission"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/serviceowner/dialogs/endusercontext": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gets end user context system labels for dialogs
         * @description Performs a search for dialog end user context labels, returning a paginated list of dialog ids and end user context revisions.
         *
         *     * Party is required.
         *     * System labels are matched with OR semantics.
         *     * See \"continuationToken\" in the response for how to get the next page of results.
         *     * hasNextPage will be set to true if there are more items to get.
         */
        get: operations["V1ServiceOwnerDialogsQueriesSearchEndUserContext_DialogEndUserContext"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/serviceowner/dialogs/endusercontext/systemlabels/actions/bulkset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sets system labels for multiple dialogs
         * @description Sets the system labels for a list of dialogs, optionally including a end user context revision for each dialog.
         */
        post: operations["V1ServiceOwnerEndUserContextCommandsBulkSetSystemLabels_BulkSetDialogSystemLabels"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @enum {string} */
        Actors_ActorType: "PartyRepresentative" | "ServiceOwner";
        /** @enum {string} */
        Attachments_AttachmentUrlConsumerType: "Gui" | "Api";
        /** @enum {string} */
        DialogEndUserContextsEntities_SystemLabel: "Default" | "Bin" | "Archive" | "MarkedAsUnopened" | "Sent";
        /** @enum {string} */
        DialogsEntities_DialogStatus: "InProgress" | "Draft" | "RequiresAttention" | "Completed" | "NotApplicable" | "Awaiting";
        /** @enum {string} */
        DialogsEntitiesActions_DialogGuiActionPriority: "Primary" | "Secondary" | "Tertiary";
        /** @enum {string} */
        DialogsEntitiesActivities_DialogActivityType: "DialogCreated" | "DialogClosed" | "Information" | "TransmissionOpened" | "PaymentMade" | "SignatureProvided" | "DialogOpened" | "DialogDeleted" | "DialogRestored" | "SentToSigning" | "SentToFormFill" | "SentToSendIn" | "SentToPayment" | "FormSubmitted" | "FormSaved" | "CorrespondenceOpened" | "CorrespondenceConfirmed";
        /** @enum {string} */
        DialogsEntitiesTransmissions_DialogTransmissionType: "Information" | "Acceptance" | "Rejection" | "Request" | "Alert" | "Decision" | "Submission" | "Correction";
        DigdirDomainDialogportenApplicationCommon_Link: {
            metadata?: string;
        };
        /** @enum {string} */
        Http_HttpVerb: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS" | "TRACE" | "CONNECT";
        JsonPatchOperations_Operation: {
            from?: string | null;
            op?: string | null;
            path?: string | null;
            value?: unknown;
        };
        PaginatedListOfV1EndUserDialogsQueriesSearch_Dialog: {
            /**
             * @description The continuation token to be used to fetch the next page of items
             * @example createdat_2024-07-31T09:09:03.0257090Z,id_0c089101-b7cf-a476-955c-f00a78d74a4e
             */
            continuationToken?: string | null;
            /** @description Whether there are more items available that can be fetched by supplying the continuation token */
            hasNextPage?: boolean;
            /** @description The paginated list of items */
            items?: components["schemas"]["V1EndUserDialogsQueriesSearch_Dialog"][] | null;
            /**
             * @description The current sorting order of the items
             * @example contentupdatedat_desc,id_desc
             */
            orderBy?: string;
        };
        PaginatedListOfV1ServiceOwnerDialogsQueriesSearch_Dialog: {
            /**
             * @description The continuation token to be used to fetch the next page of items
             * @example createdat_2024-07-31T09:09:03.0257090Z,id_0c089101-b7cf-a476-955c-f00a78d74a4e
             */
            continuationToken?: string | null;
            /** @description Whether there are more items available that can be fetched by supplying the continuation token */
            hasNextPage?: boolean;
            /** @description The paginated list of items */
            items?: components["schemas"]["V1ServiceOwnerDialogsQueriesSearch_Dialog"][] | null;
            /**
             * @description The current sorting order of the items
             * @example contentupdatedat_desc,id_desc
             */
            orderBy?: string;
        };
        PaginatedListOfV1ServiceOwnerDialogsQueriesSearchEndUserContext_DialogEndUserContextItem: {
            /**
             * @description The continuation token to be used to fetch the next page of items
             * @example createdat_2024-07-31T09:09:03.0257090Z,id_0c089101-b7cf-a476-955c-f00a78d74a4e
             */
            continuationToken?: string | null;
            /** @description Whether there are more items available that can be fetched by supplying the continuation token */
            hasNextPage?: boolean;
            /** @description The paginated list of items */
            items?: components["schemas"]["V1ServiceOwnerDialogsQueriesSearchEndUserContext_DialogEndUserContextItem"][] | null;
            /**
             * @description The current sorting order of the items
             * @example contentupdatedat_desc,id_desc
             */
            orderBy?: string;
        };
        ProblemDetails: {
            code?: string | null;
            detail?: string | null;
            errors?: {
                [key: string]: string[];
            };
            instance?: string | null;
            /** Format: int32 */
            status?: number | null;
            statusDescription?: string | null;
            title?: string | null;
            traceId?: string | null;
            type?: string | null;
            validationErrors?: components["schemas"]["ProblemDetails_Error"][] | null;
        } & {
            [key: string]: unknown;
        };
        ProblemDetails_Error: {
            code?: string | null;
            detail?: string | null;
            paths?: string[] | null;
            title?: string | null;
        } & {
            [key: string]: unknown;
        };
        V1AccessManagementQueriesGetParties_AuthorizedParty: {
            /**
             * @description The date of birth of the party, if a person.
             * @example 1977-12-26
             */
            dateOfBirth?: string | null;
            /**
             * @description Whether the authenticated user has a key role in the party.
             *
             *     Read more about key roles (norwegian) at https://docs.altinn.studio/nb/altinn-studio/reference/configuration/authorization/guidelines_authorization/roles_and_rights/roles_er/#nøkkelroller
             */
            hasKeyRole?: boolean;
            /** @description If the authenticated user has only access to sub parties of this party, and not this party itself. */
            hasOnlyAccessToSubParties?: boolean;
            /**
             * @description Whether the authenticated user is an access manager of the party.
             *
             *     Read more about access managers (norwegian) at https://docs.altinn.studio/nb/altinn-studio/reference/configuration/authorization/guidelines_authorization/roles_and_rights/roles_altinn/altinn_roles_administration/#tilgangsstrying
             */
            isAccessManager?: boolean;
            /** @description Whether this party represents the authenticated user. */
            isCurrentEndUser?: boolean;
            /** @description Whether the party is deleted or not */
            isDeleted?: boolean;
            /**
             * @description Whether the authenticated user is the main administrator of the party
             *
             *     Read more about main administrator (norwegian) at https://docs.altinn.studio/nb/altinn-studio/reference/configuration/authorization/guidelines_authorization/roles_and_rights/roles_altinn/altinn_roles_administration/#hovedadministrator
             */
            isMainAdministrator?: boolean;
            /**
             * @description The name of the party (verbatim from CCR, usually in all caps)
             * @example CONTOSO REAL ESTATE AS
             */
            name?: string;
            /**
             * @description The party identifier in URN format
             * @example urn:altinn:organization:identifier-no:912345678
             */
            party?: string;
            /**
             * Format: int32
             * @description The numeric identifier for the party.
             * @example 50136280
             */
            partyId?: number;
            /**
             * @description The type of the party, either "Organization" or "Person".
             * @example Organization
             */
            partyType?: string;
            /**
             * Format: guid
             * @description The UUID for the party.
             */
            partyUuid?: string;
            /** @description The sub parties of this party, if any. The sub party uses the same data model. */
            subParties?: components["schemas"]["V1AccessManagementQueriesGetParties_AuthorizedParty"][] | null;
        };
        V1AccessManagementQueriesGetParties_Parties: {
            authorizedParties?: components["schemas"]["V1AccessManagementQueriesGetParties_AuthorizedParty"][] | null;
        };
        /** @enum {string} */
        V1Common_DeletedFilter: "Exclude" | "Include" | "Only";
        V1CommonContent_ContentValue: {
            /**
             * @description True if the authenticated user is authorized for this content. If not, the endpoints will
             *     be replaced with a fixed placeholder. Can be null if not applicable.
             */
            isAuthorized?: boolean | null;
            /** @description Media type of the content, this can also indicate that the content is embeddable. */
            mediaType?: string;
            /** @description A list of localizations for the content. */
            value?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
        };
        V1CommonIdentifierLookup_EndUserIdentifierLookup: {
            authorizationEvidence?: components["schemas"]["V1CommonIdentifierLookup_IdentifierLookupAuthorizationEvidence"];
            /** Format: guid */
            dialogId?: string;
            instanceRef?: string;
            party?: string;
            serviceOwner?: components["schemas"]["V1CommonIdentifierLookup_IdentifierLookupServiceOwner"];
            serviceResource?: components["schemas"]["V1CommonIdentifierLookup_IdentifierLookupServiceResource"];
            title?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
        };
        V1CommonIdentifierLookup_IdentifierLookupAuthorizationEvidence: {
            /** Format: int32 */
            currentAuthenticationLevel?: number;
            evidence?: components["schemas"]["V1CommonIdentifierLookup_IdentifierLookupAuthorizationEvidenceItem"][] | null;
            viaAccessPackage?: boolean;
            viaInstanceDelegation?: boolean;
            viaResourceDelegation?: boolean;
            viaRole?: boolean;
        };
        V1CommonIdentifierLookup_IdentifierLookupAuthorizationEvidenceItem: {
            grantType?: components["schemas"]["V1CommonIdentifierLookup_IdentifierLookupGrantType"];
            links?: components["schemas"]["DigdirDomainDialogportenApplicationCommon_Link"] | null;
            name?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            subject?: string;
        };
        /** @enum {string} */
        V1CommonIdentifierLookup_IdentifierLookupGrantType: "Role" | "AccessPackage" | "ResourceDelegation" | "InstanceDelegation";
        V1CommonIdentifierLookup_IdentifierLookupServiceOwner: {
            code?: string;
            name?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            orgNumber?: string;
        };
        V1CommonIdentifierLookup_IdentifierLookupServiceResource: {
            id?: string;
            isDelegable?: boolean;
            /** Format: int32 */
            minimumAuthenticationLevel?: number;
            name?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
        };
        V1CommonIdentifierLookup_ServiceOwnerIdentifierLookup: {
            /** Format: guid */
            dialogId?: string;
            instanceRef?: string;
            nonSensitiveTitle?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            party?: string;
            serviceOwner?: components["schemas"]["V1CommonIdentifierLookup_IdentifierLookupServiceOwner"];
            serviceResource?: components["schemas"]["V1CommonIdentifierLookup_IdentifierLookupServiceResource"];
            title?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
        };
        V1CommonLocalizations_Localization: {
            /**
             * @description The language code of the localization in ISO 639-1 format.
             * @example nb
             */
            languageCode?: string;
            /** @description The localized text (or URL if a front-channel embed). */
            value?: string;
        };
        V1CommonServiceResourceMetadata_ServiceResourceMetadataAccessPackage: {
            links?: components["schemas"]["DigdirDomainDialogportenApplicationCommon_Link"];
            name?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            urn?: string;
        };
        V1CommonServiceResourceMetadata_ServiceResourceMetadataItem: {
            accessPackages?: components["schemas"]["V1CommonServiceResourceMetadata_ServiceResourceMetadataAccessPackage"][] | null;
            roles?: components["schemas"]["V1CommonServiceResourceMetadata_ServiceResourceMetadataRole"][] | null;
            serviceOwner?: components["schemas"]["V1CommonServiceResourceMetadata_ServiceResourceMetadataServiceOwner"];
            serviceResource?: components["schemas"]["V1CommonServiceResourceMetadata_ServiceResourceMetadataServiceResource"];
        };
        V1CommonServiceResourceMetadata_ServiceResourceMetadataRole: {
            links?: components["schemas"]["DigdirDomainDialogportenApplicationCommon_Link"];
            name?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            urn?: string;
        };
        V1CommonServiceResourceMetadata_ServiceResourceMetadataServiceOwner: {
            code?: string;
            name?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            orgNumber?: string;
        };
        V1CommonServiceResourceMetadata_ServiceResourceMetadataServiceResource: {
            id?: string;
            isDelegable?: boolean;
            links?: components["schemas"]["DigdirDomainDialogportenApplicationCommon_Link"];
            /** Format: int32 */
            minimumAuthenticationLevel?: number;
            name?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            resourceType?: string;
            status?: string;
        };
        V1EndUserCommon_AcceptedLanguage: {
            languageCode?: string;
            /** Format: int32 */
            weight?: number;
        };
        V1EndUserCommon_AcceptedLanguages: {
            acceptedLanguage?: components["schemas"]["V1EndUserCommon_AcceptedLanguage"][] | null;
        };
        V1EndUserCommonActors_Actor: {
            /**
             * @description The identifier (national identity number or organization number) of the actor.
             * @example urn:altinn:person:identifier-no:12018212345
             */
            actorId?: string | null;
            /**
             * @description The name of the actor.
             * @example Ola Nordmann
             */
            actorName?: string | null;
            /** @description The type of actor; either the service owner, or someone representing the party. */
            actorType?: components["schemas"]["Actors_ActorType"];
        };
        V1EndUserDialogLookupQueriesGet_DialogLookupRequest: {
            acceptedLanguages?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
        };
        V1EndUserDialogsQueriesGet_Content: {
            /** @description Additional information about the dialog, this may contain Markdown. */
            additionalInfo?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description Used as the human-readable label used to describe the "ExtendedStatus" field. */
            extendedStatus?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /**
             * @description Front-channel embedded content. Used to dynamically embed content in the frontend from an external URL.
             *     Content value will be masked if the user is not authorized to read main content.
             */
            mainContentReference?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description Overridden sender name. If not supplied, assume "org" as the sender name. */
            senderName?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description A short summary of the dialog and its current state. */
            summary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The title of the dialog. */
            title?: components["schemas"]["V1CommonContent_ContentValue"];
        };
        V1EndUserDialogsQueriesGet_Dialog: {
            /** @description An immutable list of activities associated with the dialog. */
            activities?: components["schemas"]["V1EndUserDialogsQueriesGet_DialogActivity"][] | null;
            /** @description The API actions associated with the dialog. Should be used in specialized, non-browser-based integrations. */
            apiActions?: components["schemas"]["V1EndUserDialogsQueriesGet_DialogApiAction"][] | null;
            /** @description The attachments associated with the dialog (on an aggregate level). */
            attachments?: components["schemas"]["V1EndUserDialogsQueriesGet_DialogAttachment"][] | null;
            /** @description The dialog unstructured text content. */
            content?: components["schemas"]["V1EndUserDialogsQueriesGet_Content"];
            /**
             * Format: date-time
             * @description The date and time when the dialog content was last updated.
             * @example 2022-12-31T23:59:59Z
             */
            contentUpdatedAt?: string;
            /**
             * Format: date-time
             * @description The date and time when the dialog was created.
             * @example 2022-12-31T23:59:59Z
             */
            createdAt?: string;
            /**
             * @description The dialog token. May be used (if supported) against external URLs referred to in this dialog's apiActions,
             *     transmissions or attachments. It should also be used for front-channel embeds.
             */
            dialogToken?: string | null;
            /**
             * Format: date-time
             * @description The due date for the dialog. Dialogs past due date might be marked as such in frontends but will still be available.
             * @example 2022-12-31T23:59:59Z
             */
            dueAt?: string | null;
            /** @description Metadata about the dialog owned by end-users. */
            endUserContext?: components["schemas"]["V1EndUserDialogsQueriesGet_DialogEndUserContext"];
            /**
             * Format: date-time
             * @description The expiration date for the dialog. This is the last date when the dialog is available for the end user.
             *
             *     After this date is passed, the dialog will be considered expired and no longer available for the end user in any
             *     API. If not supplied, the dialog will be considered to never expire. This field can be changed by the service
             *     owner after the dialog has been created.
             * @example 2022-12-31T23:59:59Z
             */
            expiresAt?: string | null;
            /**
             * @description Arbitrary string with a service-specific indicator of status, typically used to indicate a fine-grained state of
             *     the dialog to further specify the "status" enum.
             *
             *     Refer to the service-specific documentation provided by the service owner for details on the possible values (if
             *     in use).
             */
            extendedStatus?: string | null;
            /**
             * @description Arbitrary string with a service-specific reference to an external system or service.
             *
             *     Refer to the service-specific documentation provided by the service owner for details (if in use).
             */
            externalReference?: string | null;
            /**
             * Format: int32
             * @description The number of transmissions sent by a party representative.
             */
            fromPartyTransmissionsCount?: number;
            /**
             * Format: int32
             * @description The number of transmissions sent by a service owner.
             */
            fromServiceOwnerTransmissionsCount?: number;
            /** @description The GUI actions associated with the dialog. Should be used in browser-based interactive frontends. */
            guiActions?: components["schemas"]["V1EndUserDialogsQueriesGet_DialogGuiAction"][] | null;
            /**
             * @description Whether the service owner has not yet reported all dialog Transmissions they sent as seen by the end user.
             *     A Transmission is considered "sent from the service owner" if the DialogTransmissionType is not one of Submission or Correction.
             *
             *     The value of this field is:
             *     - true when there are any new unopened Transmissions sent from the service owner.
             *     - false when the service owner has created an Activity of type TransmissionOpened for all Transmissions sent from the service owner. The Activities must each contain the relevant Id for all relevant Transmissions.
             *
             *     Note that the value is
             *     - determined by the service owner and not to be confused with IsContentSeen
             *     - not affected by SystemLabels
             *
             *     For correspondence: HasUnopenedContent is still true until the service owner also adds a Dialog level Activity (no transmission id) of type CorrespondenceOpened
             */
            hasUnopenedContent?: boolean;
            /**
             * Format: guid
             * @description The unique identifier for the dialog in UUIDv7 format.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string;
            /** @description Indicates if this dialog is intended for API consumption only and should not be shown in frontends aimed at humans. */
            isApiOnly?: boolean;
            /**
             * @description Indicates whether a dialog has been seen since its last content update.
             *
             *     The value of this field is
             *     - true if the dialog has been retrieved since its last content update by either GET /enduser/dialogs/{dialogId} or GET /serviceowner/dialogs/{dialogId}?EndUserId={userId} and there is no SystemLabels MarkedAsUnopened
             *     - false if there is a SystemLabels MarkedAsUnopened, even if the dialog has been seen since its last content update
             *     - false after the dialog receives a content update.
             *
             *     Note that the value is determined by Dialogporten and not to be confused with HasUnopenedContent
             */
            isContentSeen?: boolean;
            /**
             * @description The service owner code representing the organization (service owner) related to this dialog.
             * @example ske
             */
            org?: string;
            /**
             * @description The party code representing the organization or person that the dialog belongs to in URN format.
             * @example urn:altinn:person:identifier-no:01125512345
             *     urn:altinn:organization:identifier-no:912345678
             */
            party?: string;
            /** @description Optional preceding process identifier to indicate the business process that preceded the process indicated in the "Process" field. Cannot be set without also "Process" being set. */
            precedingProcess?: string | null;
            /** @description Optional process identifier used to indicate a business process this dialog belongs to. */
            process?: string | null;
            /**
             * Format: int32
             * @description Advisory indicator of progress, represented as 1-100 percentage value. 100% representing a dialog that has come
             *     to a natural completion (successful or not).
             */
            progress?: number | null;
            /**
             * Format: guid
             * @description The unique identifier for the revision in UUIDv4 format.
             * @example a312cb9c-7632-43c2-aa38-69b06aed56ca
             */
            revision?: string;
            /** @description The list of seen log entries for the dialog newer than the dialog ContentUpdatedAt date. */
            seenSinceLastContentUpdate?: components["schemas"]["V1EndUserDialogsQueriesGet_DialogSeenLog"][] | null;
            /** @description The list of seen log entries for the dialog newer than the dialog UpdatedAt date. */
            seenSinceLastUpdate?: components["schemas"]["V1EndUserDialogsQueriesGet_DialogSeenLog"][] | null;
            /**
             * @description The service identifier for the service that the dialog is related to in URN-format.
             *     This corresponds to a service resource in the Altinn Resource Registry.
             * @example urn:altinn:resource:some-service-identifier
             */
            serviceResource?: string;
            /** @description The ServiceResource type, as defined in Altinn Resource Registry (see ResourceType). */
            serviceResourceType?: string;
            /** @description The aggregated status of the dialog. */
            status?: components["schemas"]["DialogsEntities_DialogStatus"];
            /**
             * @deprecated
             * @description System defined label used to categorize dialogs.
             *     This is obsolete and will only show; Default, Bin or Archive.
             *     Use SystemLabels on EndUserContext instead.
             */
            systemLabel?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"];
            /** @description The immutable list of transmissions associated with the dialog. */
            transmissions?: components["schemas"]["V1EndUserDialogsQueriesGet_DialogTransmission"][] | null;
            /**
             * Format: date-time
             * @description The date and time when the dialog was last updated.
             * @example 2022-12-31T23:59:59Z
             */
            updatedAt?: string;
        };
        V1EndUserDialogsQueriesGet_DialogActivity: {
            /**
             * Format: date-time
             * @description The date and time when the activity was created.
             */
            createdAt?: string | null;
            /** @description Unstructured text describing the activity. Only set if the activity type is "Information". */
            description?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description An arbitrary URI/URN with a service-specific activity type.
             *
             *     Consult the service-specific documentation provided by the service owner for details (if in use).
             */
            extendedType?: string | null;
            /**
             * Format: guid
             * @description The unique identifier for the activity in UUIDv7 format.
             */
            id?: string;
            /** @description The actor that performed the activity. */
            performedBy?: components["schemas"]["V1EndUserCommonActors_Actor"];
            /**
             * Format: guid
             * @description If the activity is related to a particular transmission, this field will contain the transmission identifier.
             */
            transmissionId?: string | null;
            /** @description The type of activity. */
            type?: components["schemas"]["DialogsEntitiesActivities_DialogActivityType"];
        };
        V1EndUserDialogsQueriesGet_DialogApiAction: {
            /**
             * @description String identifier for the action, corresponding to the "action" attributeId used in the XACML service policy,
             *     which by default is the policy belonging to the service referred to by "serviceResource" in the dialog.
             * @example write
             */
            action?: string;
            /**
             * @description Contains an authorization resource attributeId, that can used in custom authorization rules in the XACML service
             *     policy, which by default is the policy belonging to the service referred to by "serviceResource" in the dialog.
             *
             *     Can also be used to refer to other service policies.
             * @example mycustomresource
             *     /* equivalent to the above *\/
             *     urn:altinn:subresource:mycustomresource
             *     urn:altinn:task:Task_1
             *     /* refer to another service *\/
             *     urn:altinn:resource:some-other-service-identifier
             */
            authorizationAttribute?: string | null;
            /** @description The endpoints associated with the action. */
            endpoints?: components["schemas"]["V1EndUserDialogsQueriesGet_DialogApiActionEndpoint"][] | null;
            /**
             * Format: guid
             * @description The unique identifier for the action in UUIDv7 format.
             */
            id?: string;
            /**
             * @description True if the authenticated user is authorized for this action. If not, the action will not be available
             *     and all endpoints will be replaced with a fixed placeholder.
             */
            isAuthorized?: boolean;
            /**
             * @description The logical name of the operation the API action refers to.
             * @example confirm
             */
            name?: string | null;
        };
        V1EndUserDialogsQueriesGet_DialogApiActionEndpoint: {
            /** @description Boolean indicating if the endpoint is deprecated. Integrators should migrate to endpoints with a higher version. */
            deprecated?: boolean;
            /**
             * Format: uri
             * @description Link to service provider documentation for the endpoint. Used for service owners to provide documentation for
             *     integrators. Should be a URL to a human-readable page.
             */
            documentationUrl?: string | null;
            /** @description The HTTP method that the endpoint expects for this action. */
            httpMethod?: components["schemas"]["Http_HttpVerb"];
            /**
             * Format: guid
             * @description The unique identifier for the endpoint in UUIDv7 format.
             */
            id?: string;
            /**
             * Format: uri
             * @description Link to the request schema for the endpoint. Used by service owners to provide documentation for integrators.
             *     Dialogporten will not validate information on this endpoint.
             */
            requestSchema?: string | null;
            /**
             * Format: uri
             * @description Link to the response schema for the endpoint. Used for service owners to provide documentation for integrators.
             *     Dialogporten will not validate information on this endpoint.
             */
            responseSchema?: string | null;
            /**
             * Format: date-time
             * @description Date and time when the service owner has indicated that endpoint will no longer function. Only set if the endpoint
             *     is deprecated. Dialogporten will not enforce this date.
             */
            sunsetAt?: string | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the API endpoint. Will be set to "urn:dialogporten:unauthorized" if the user is
             *     not authorized to perform the action.
             * @example https://someendpoint.com/api/v1/someaction
             *     urn:dialogporten:unauthorized
             */
            url?: string;
            /**
             * @description Arbitrary string indicating the version of the endpoint.
             *
             *     Consult the service-specific documentation provided by the service owner for details (if in use).
             */
            version?: string | null;
        };
        V1EndUserDialogsQueriesGet_DialogAttachment: {
            /** @description The display name of the attachment that should be used in GUIs. */
            displayName?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: date-time
             * @description The UTC timestamp when the attachment expires and is no longer available.
             */
            expiresAt?: string | null;
            /**
             * Format: guid
             * @description The unique identifier for the attachment in UUIDv7 format.
             */
            id?: string;
            /**
             * @description The logical name of the attachment.
             * @example receipt
             */
            name?: string | null;
            /** @description The URLs associated with the attachment, each referring to a different representation of the attachment. */
            urls?: components["schemas"]["V1EndUserDialogsQueriesGet_DialogAttachmentUrl"][] | null;
        };
        V1EndUserDialogsQueriesGet_DialogAttachmentUrl: {
            /** @description What type of consumer the URL is intended for. */
            consumerType?: components["schemas"]["Attachments_AttachmentUrlConsumerType"];
            /**
             * Format: guid
             * @description The unique identifier for the attachment URL in UUIDv7 format.
             */
            id?: string;
            /**
             * @description The media type of the attachment.
             * @example application/pdf
             *     application/zip
             */
            mediaType?: string | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the attachment.
             * @example https://someendpoint.com/someattachment.pdf
             */
            url?: string;
        };
        V1EndUserDialogsQueriesGet_DialogEndUserContext: {
            /**
             * Format: guid
             * @description The unique identifier for the end user context revision in UUIDv4 format.
             * @example 0196fccd-bf48-7d27-bdfc-4ad3b0f3bee5
             */
            revision?: string;
            /** @description System defined labels used to categorize dialogs. */
            systemLabels?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
        };
        V1EndUserDialogsQueriesGet_DialogGuiAction: {
            /** @description The action identifier for the action, corresponding to the "action" attributeId used in the XACML service policy. */
            action?: string;
            /**
             * @description Contains an authorization resource attributeId, that can used in custom authorization rules in the XACML service
             *     policy, which by default is the policy belonging to the service referred to by "serviceResource" in the dialog.
             *
             *     Can also be used to refer to other service policies.
             * @example mycustomresource
             *     /* equivalent to the above *\/
             *     urn:altinn:subresource:mycustomresource
             *     urn:altinn:task:Task_1
             *     /* refer to another service *\/
             *     urn:altinn:resource:some-other-service-identifier
             */
            authorizationAttribute?: string | null;
            /** @description The HTTP method that the frontend should use when redirecting the user. */
            httpMethod?: components["schemas"]["Http_HttpVerb"];
            /**
             * Format: guid
             * @description The unique identifier for the action in UUIDv7 format.
             */
            id?: string;
            /** @description Whether the user is authorized to perform the action. */
            isAuthorized?: boolean;
            /**
             * @description Indicates whether the action results in the dialog being deleted. Used by frontends to implement custom UX
             *     for delete actions.
             */
            isDeleteDialogAction?: boolean;
            /**
             * @description Indicates a priority for the action, making it possible for frontends to adapt GUI elements based on action
             *     priority.
             */
            priority?: components["schemas"]["DialogsEntitiesActions_DialogGuiActionPriority"];
            /**
             * @description If there should be a prompt asking the user for confirmation before the action is executed,
             *     this field should contain the prompt text.
             */
            prompt?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /** @description The title of the action, this should be short and in verb form. */
            title?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the action, to which the user will be redirected when the action is triggered. Will be set to
             *     "urn:dialogporten:unauthorized" if the user is not authorized to perform the action.
             * @example urn:dialogporten:unauthorized
             *     https://someendpoint.com/gui/some-service-instance-id
             */
            url?: string;
        };
        V1EndUserDialogsQueriesGet_DialogRequest: {
            acceptedLanguages?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
        };
        V1EndUserDialogsQueriesGet_DialogSeenLog: {
            /**
             * Format: guid
             * @description The unique identifier for the seen log entry in UUIDv7 format.
             */
            id?: string;
            /** @description Flag indicating whether the seen log entry was created by the current end user. */
            isCurrentEndUser?: boolean;
            /**
             * @description Flag indicating whether the seen log entry was created via the service owner.
             *
             *     This is used when the service owner uses the service owner API to implement its own frontend.
             */
            isViaServiceOwner?: boolean | null;
            /**
             * Format: date-time
             * @description The timestamp when the dialog revision was seen.
             */
            seenAt?: string;
            /** @description The actor that saw the dialog revision. */
            seenBy?: components["schemas"]["V1EndUserCommonActors_Actor"];
        };
        V1EndUserDialogsQueriesGet_DialogTransmission: {
            /** @description The transmission-level attachments. */
            attachments?: components["schemas"]["V1EndUserDialogsQueriesGet_DialogTransmissionAttachment"][] | null;
            /**
             * @description Contains an authorization resource attributeId, that can used in custom authorization rules in the XACML service
             *     policy, which by default is the policy belonging to the service referred to by "serviceResource" in the dialog.
             *
             *     Can also be used to refer to other service policies.
             * @example mycustomresource
             *     /* equivalent to the above *\/
             *     urn:altinn:subresource:mycustomresource
             *     urn:altinn:task:Task_1
             *     /* refer to another service *\/
             *     urn:altinn:resource:some-other-service-identifier
             */
            authorizationAttribute?: string | null;
            /** @description The transmission unstructured text content. */
            content?: components["schemas"]["V1EndUserDialogsQueriesGet_DialogTransmissionContent"];
            /**
             * Format: date-time
             * @description The date and time when the transmission was created.
             */
            createdAt?: string;
            /**
             * Format: uri
             * @description Arbitrary URI/URN describing a service-specific transmission type.
             *
             *     Refer to the service-specific documentation provided by the service owner for details (if in use).
             */
            extendedType?: string | null;
            /** @description Arbitrary string with a service-specific reference to an external system or service. */
            externalReference?: string | null;
            /**
             * Format: guid
             * @description The unique identifier for the transmission in UUIDv7 format.
             */
            id?: string;
            /**
             * @description Flag indicating if the authenticated user is authorized for this transmission. If not, embedded content and
             *     the attachments will not be available.
             */
            isAuthorized?: boolean;
            /** @description Indicates whether the dialog transmission has been opened. */
            isOpened?: boolean;
            /** @description The transmission-level navigational actions. */
            navigationalActions?: components["schemas"]["V1EndUserDialogsQueriesGet_DialogTransmissionNavigationalAction"][] | null;
            /**
             * Format: guid
             * @description Reference to any other transmission that this transmission is related to.
             */
            relatedTransmissionId?: string | null;
            /** @description The actor that sent the transmission. */
            sender?: components["schemas"]["V1EndUserCommonActors_Actor"];
            /** @description The type of transmission. */
            type?: components["schemas"]["DialogsEntitiesTransmissions_DialogTransmissionType"];
        };
        V1EndUserDialogsQueriesGet_DialogTransmissionAttachment: {
            /** @description The display name of the attachment that should be used in GUIs. */
            displayName?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: date-time
             * @description The UTC timestamp when the attachment expires and is no longer available.
             */
            expiresAt?: string | null;
            /**
             * Format: guid
             * @description The unique identifier for the attachment in UUIDv7 format.
             */
            id?: string;
            /**
             * @description The logical name of the attachment.
             * @example receipt
             */
            name?: string | null;
            /** @description The URLs associated with the attachment, each referring to a different representation of the attachment. */
            urls?: components["schemas"]["V1EndUserDialogsQueriesGet_DialogTransmissionAttachmentUrl"][] | null;
        };
        V1EndUserDialogsQueriesGet_DialogTransmissionAttachmentUrl: {
            /** @description The type of consumer the URL is intended for. */
            consumerType?: components["schemas"]["Attachments_AttachmentUrlConsumerType"];
            /**
             * Format: guid
             * @description The unique identifier for the attachment URL in UUIDv7 format.
             */
            id?: string;
            /**
             * @description The media type of the attachment.
             * @example application/pdf
             *     application/zip
             */
            mediaType?: string | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the attachment. Will be set to "urn:dialogporten:unauthorized" if the user is
             *     not authorized to access the transmission.
             * @example https://someendpoint.com/someattachment.pdf
             *     urn:dialogporten:unauthorized
             */
            url?: string;
        };
        V1EndUserDialogsQueriesGet_DialogTransmissionContent: {
            /** @description Front-channel embedded content. Used to dynamically embed content in the frontend from an external URL. */
            contentReference?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The transmission summary. */
            summary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The transmission title. */
            title?: components["schemas"]["V1CommonContent_ContentValue"];
        };
        V1EndUserDialogsQueriesGet_DialogTransmissionNavigationalAction: {
            /**
             * Format: date-time
             * @description The UTC timestamp when the navigational action expires and is no longer available.
             */
            expiresAt?: string | null;
            /** @description The title of the navigational action. */
            title?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the navigational action. Will be set to \"urn:dialogporten:unauthorized\" if the user is
             *     not authorized to access the transmission, or \"urn:dialogporten:expired\" if the action has expired.
             * @example https://example.com/path
             *     urn:dialogporten:unauthorized
             *     urn:dialogporten:expired
             */
            url?: string;
        };
        V1EndUserDialogsQueriesGetActivity_Activity: {
            /** Format: date-time */
            createdAt?: string | null;
            description?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /** Format: uri */
            extendedType?: string | null;
            /** Format: guid */
            id?: string;
            performedBy?: components["schemas"]["V1EndUserCommonActors_Actor"];
            /** Format: guid */
            transmissionId?: string | null;
            type?: components["schemas"]["DialogsEntitiesActivities_DialogActivityType"];
        };
        V1EndUserDialogsQueriesGetActivity_ActivityRequest: {
            acceptedLanguages?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
        };
        V1EndUserDialogsQueriesGetSeenLog_SeenLog: {
            /** Format: guid */
            id?: string;
            isCurrentEndUser?: boolean;
            isViaServiceOwner?: boolean;
            /** Format: date-time */
            seenAt?: string;
            seenBy?: components["schemas"]["V1EndUserCommonActors_Actor"];
        };
        V1EndUserDialogsQueriesGetTransmission_Attachment: {
            /** @description The display name of the attachment that should be used in GUIs. */
            displayName?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: date-time
             * @description The UTC timestamp when the attachment expires and is no longer available.
             */
            expiresAt?: string | null;
            /**
             * Format: guid
             * @description The unique identifier for the attachment in UUIDv7 format.
             */
            id?: string;
            /**
             * @description The logical name of the attachment.
             * @example receipt
             */
            name?: string | null;
            /** @description The URLs associated with the attachment, each referring to a different representation of the attachment. */
            urls?: components["schemas"]["V1EndUserDialogsQueriesGetTransmission_AttachmentUrl"][] | null;
        };
        V1EndUserDialogsQueriesGetTransmission_AttachmentUrl: {
            /** @description The type of consumer the URL is intended for. */
            consumerType?: components["schemas"]["Attachments_AttachmentUrlConsumerType"];
            /**
             * Format: guid
             * @description The unique identifier for the attachment URL in UUIDv7 format.
             */
            id?: string;
            /**
             * @description The media type of the attachment.
             * @example application/pdf
             *     application/zip
             */
            mediaType?: string | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the attachment. Will be set to "urn:dialogporten:unauthorized" if the user is
             *     not authorized to access the transmission.
             * @example https://someendpoint.com/someattachment.pdf
             *     urn:dialogporten:unauthorized
             */
            url?: string;
        };
        V1EndUserDialogsQueriesGetTransmission_Content: {
            /** @description Front-channel embedded content. Used to dynamically embed content in the frontend from an external URL. */
            contentReference?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The summary of the content. */
            summary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The title of the content. */
            title?: components["schemas"]["V1CommonContent_ContentValue"];
        };
        V1EndUserDialogsQueriesGetTransmission_NavigationalAction: {
            /**
             * Format: date-time
             * @description The UTC timestamp when the navigational action expires and is no longer available.
             */
            expiresAt?: string | null;
            /** @description The title of the navigational action. */
            title?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the navigational action. Will be set to \"urn:dialogporten:unauthorized\" if the user is
             *     not authorized to access the transmission, or \"urn:dialogporten:expired\" if the action has expired.
             * @example https://example.com/path
             *     urn:dialogporten:unauthorized
             *     urn:dialogporten:expired
             */
            url?: string;
        };
        V1EndUserDialogsQueriesGetTransmission_Transmission: {
            /** @description The attachments associated with the transmission. */
            attachments?: components["schemas"]["V1EndUserDialogsQueriesGetTransmission_Attachment"][] | null;
            /** @description The authorization attribute associated with the transmission. */
            authorizationAttribute?: string | null;
            /** @description The content of the transmission. */
            content?: components["schemas"]["V1EndUserDialogsQueriesGetTransmission_Content"];
            /**
             * Format: date-time
             * @description The date and time when the transmission was created.
             */
            createdAt?: string;
            /**
             * Format: date-time
             * @description The date and time when the transmission was deleted, if applicable.
             */
            deletedAt?: string | null;
            /**
             * Format: uri
             * @description The extended type URI for the transmission.
             */
            extendedType?: string | null;
            /** @description Arbitrary string with a service-specific reference to an external system or service. */
            externalReference?: string | null;
            /**
             * Format: guid
             * @description The unique identifier for the transmission in UUIDv7 format.
             */
            id?: string;
            /**
             * @description Flag indicating if the authenticated user is authorized for this transmission. If not, embedded content and
             *     the attachments will not be available.
             */
            isAuthorized?: boolean;
            /** @description The navigational actions associated with the transmission. */
            navigationalActions?: components["schemas"]["V1EndUserDialogsQueriesGetTransmission_NavigationalAction"][] | null;
            /**
             * Format: guid
             * @description The unique identifier for the related transmission, if any.
             */
            relatedTransmissionId?: string | null;
            /** @description The sender actor information for the transmission. */
            sender?: components["schemas"]["V1EndUserCommonActors_Actor"];
            /** @description The type of the transmission. */
            type?: components["schemas"]["DialogsEntitiesTransmissions_DialogTransmissionType"];
        };
        V1EndUserDialogsQueriesGetTransmission_TransmissionRequest: {
            acceptedLanguages?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
        };
        V1EndUserDialogsQueriesSearch_Content: {
            /** @description Used as the human-readable label used to describe the "ExtendedStatus" field. */
            extendedStatus?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description Overridden sender name. If not supplied, assume "org" as the sender name. */
            senderName?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description A short summary of the dialog and its current state. */
            summary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The title of the dialog. */
            title?: components["schemas"]["V1CommonContent_ContentValue"];
        };
        V1EndUserDialogsQueriesSearch_Dialog: {
            /** @description The content of the dialog in search results. May be null for API-only dialogs, which are not required to have content. */
            content?: components["schemas"]["V1EndUserDialogsQueriesSearch_Content"] | null;
            /**
             * Format: date-time
             * @description The date and time when the dialog content was last updated.
             * @example 2022-12-31T23:59:59Z
             */
            contentUpdatedAt?: string;
            /**
             * Format: date-time
             * @description The date and time when the dialog was created.
             * @example 2022-12-31T23:59:59Z
             */
            createdAt?: string;
            /**
             * Format: date-time
             * @description The due date for the dialog. This is the last date when the dialog is expected to be completed.
             * @example 2022-12-31T23:59:59Z
             */
            dueAt?: string | null;
            /** @description Metadata about the dialog owned by end-users. */
            endUserContext?: components["schemas"]["V1EndUserDialogsQueriesSearch_DialogEndUserContext"];
            /**
             * @description Arbitrary string with a service-specific indicator of status, typically used to indicate a fine-grained state of
             *     the dialog to further specify the "status" enum.
             *
             *     Refer to the service-specific documentation provided by the service owner for details on the possible values (if
             *     in use).
             */
            extendedStatus?: string | null;
            /**
             * @description Arbitrary string with a service-specific reference to an external system or service.
             *
             *     Refer to the service-specific documentation provided by the service owner for details (if in use).
             */
            externalReference?: string | null;
            /**
             * Format: int32
             * @description The number of transmissions sent by a party representative
             */
            fromPartyTransmissionsCount?: number;
            /**
             * Format: int32
             * @description The number of transmissions sent by the service owner
             */
            fromServiceOwnerTransmissionsCount?: number;
            /**
             * Format: int32
             * @description The number of attachments in the dialog made available for browser-based frontends.
             */
            guiAttachmentCount?: number | null;
            /**
             * @description Whether the service owner has not yet reported all dialog Transmissions they sent as seen by the end user.
             *     A Transmission is considered "sent from the service owner" if the DialogTransmissionType is not one of Submission or Correction.
             *
             *     The value of this field is:
             *     - true when there are any new unopened Transmissions sent from the service owner.
             *     - false when the service owner has created an Activity of type TransmissionOpened for all Transmissions sent from the service owner. The Activities must each contain the relevant Id for all relevant Transmissions.
             *
             *     Note that the value is
             *     - determined by the service owner and not to be confused with IsContentSeen
             *     - not affected by SystemLabels
             *
             *     For correspondence: HasUnopenedContent is still true until the service owner also adds a Dialog level Activity (no transmission id) of type CorrespondenceOpened
             */
            hasUnopenedContent?: boolean;
            /**
             * Format: guid
             * @description The unique identifier for the dialog in UUIDv7 format.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string;
            /**
             * @description Indicates if this dialog is intended for API consumption only and should not be shown in frontends aimed at humans.
             *     When true, human-readable content like title and summary are not required.
             */
            isApiOnly?: boolean;
            /**
             * @description Indicates whether a dialog has been seen since its last content update.
             *
             *     The value of this field is
             *     - true if the dialog has been retrieved since its last content update by either GET /enduser/dialogs/{dialogId} or GET /serviceowner/dialogs/{dialogId}?EndUserId={userId} and there is no SystemLabels MarkedAsUnopened
             *     - false if there is a SystemLabels MarkedAsUnopened, even if the dialog has been seen since its last content update
             *     - false after the dialog receives a content update.
             *
             *     Note that the value is determined by Dialogporten and not to be confused with HasUnopenedContent
             */
            isContentSeen?: boolean;
            /** @description The latest entry in the dialog's activity log. */
            latestActivity?: components["schemas"]["V1EndUserDialogsQueriesSearch_DialogActivity"] | null;
            /**
             * @description The service owner code representing the organization (service owner) related to this dialog.
             * @example ske
             */
            org?: string;
            /**
             * @description The party code representing the organization or person that the dialog belongs to in URN format.
             * @example urn:altinn:person:identifier-no:01125512345
             *     urn:altinn:organization:identifier-no:912345678
             */
            party?: string;
            /** @description Optional preceding process identifier to indicate the business process that preceded the process indicated in the "Process" field. Cannot be set without also "Process" being set. */
            precedingProcess?: string | null;
            /** @description Optional process identifier used to indicate a business process this dialog belongs to. */
            process?: string | null;
            /**
             * Format: int32
             * @description Advisory indicator of progress, represented as 1-100 percentage value. 100% representing a dialog that has come
             *     to a natural completion (successful or not).
             */
            progress?: number | null;
            /** @description The list of seen log entries for the dialog newer than the dialog ContentUpdatedAt date. */
            seenSinceLastContentUpdate?: components["schemas"]["V1EndUserDialogsQueriesSearch_DialogSeenLog"][] | null;
            /** @description The list of seen log entries for the dialog newer than the dialog UpdatedAt date. */
            seenSinceLastUpdate?: components["schemas"]["V1EndUserDialogsQueriesSearch_DialogSeenLog"][] | null;
            /**
             * @description The service identifier for the service that the dialog is related to in URN-format.
             *     This corresponds to a service resource in the Altinn Resource Registry.
             * @example urn:altinn:resource:some-service-identifier
             */
            serviceResource?: string;
            /** @description The ServiceResource type, as defined in Altinn Resource Registry (see ResourceType). */
            serviceResourceType?: string;
            /** @description The aggregated status of the dialog. */
            status?: components["schemas"]["DialogsEntities_DialogStatus"];
            /**
             * @deprecated
             * @description System defined label used to categorize dialogs.
             *     This is obsolete and will only show; Default, Bin or Archive.
             *     Use SystemLabels on EndUserContext instead.
             */
            systemLabel?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"];
            /**
             * Format: date-time
             * @description The date and time when the dialog was last updated.
             * @example 2022-12-31T23:59:59Z
             */
            updatedAt?: string;
        };
        V1EndUserDialogsQueriesSearch_DialogActivity: {
            /**
             * Format: date-time
             * @description The date and time when the activity was created.
             */
            createdAt?: string | null;
            /** @description Unstructured text describing the activity. Only set if the activity type is "Information". */
            description?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description An arbitrary string with a service-specific activity type.
             *
             *     Consult the service-specific documentation provided by the service owner for details (if in use).
             */
            extendedType?: string | null;
            /**
             * Format: guid
             * @description The unique identifier for the activity in UUIDv7 format.
             */
            id?: string;
            /** @description The actor that performed the activity. */
            performedBy?: components["schemas"]["V1EndUserCommonActors_Actor"];
            /**
             * Format: guid
             * @description If the activity is related to a particular transmission, this field will contain the transmission identifier.
             */
            transmissionId?: string | null;
            /** @description The type of activity. */
            type?: components["schemas"]["DialogsEntitiesActivities_DialogActivityType"];
        };
        V1EndUserDialogsQueriesSearch_DialogEndUserContext: {
            /**
             * Format: guid
             * @description The unique identifier for the end user context revision in UUIDv4 format.
             * @example 0196fccd-bf48-7d27-bdfc-4ad3b0f3bee5
             */
            revision?: string;
            /** @description System defined labels used to categorize dialogs. */
            systemLabels?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
        };
        V1EndUserDialogsQueriesSearch_DialogRequest: {
            acceptedLanguages?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
        };
        V1EndUserDialogsQueriesSearch_DialogSeenLog: {
            /**
             * Format: guid
             * @description The unique identifier for the seen log entry in UUIDv7 format.
             */
            id?: string;
            /** @description Flag indicating whether the seen log entry was created by the current end user. */
            isCurrentEndUser?: boolean;
            /**
             * @description Flag indicating whether the seen log entry was created via the service owner.
             *
             *     This is used when the service owner uses the service owner API to implement its own frontend.
             */
            isViaServiceOwner?: boolean | null;
            /**
             * Format: date-time
             * @description The timestamp when the dialog revision was seen.
             */
            seenAt?: string;
            /** @description The actor that saw the dialog revision. */
            seenBy?: components["schemas"]["V1EndUserCommonActors_Actor"];
        };
        V1EndUserDialogsQueriesSearchActivities_Activity: {
            /** Format: date-time */
            createdAt?: string;
            description?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /** Format: uri */
            extendedType?: string | null;
            /** Format: guid */
            id?: string;
            /** Format: guid */
            transmissionId?: string | null;
            type?: components["schemas"]["DialogsEntitiesActivities_DialogActivityType"];
        };
        V1EndUserDialogsQueriesSearchActivities_ActivityRequest: {
            acceptedLanguages?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
        };
        V1EndUserDialogsQueriesSearchSeenLogs_SeenLog: {
            /** Format: guid */
            id?: string;
            isCurrentEndUser?: boolean;
            isViaServiceOwner?: boolean;
            /** Format: date-time */
            seenAt?: string;
            seenBy?: components["schemas"]["V1EndUserCommonActors_Actor"];
        };
        V1EndUserDialogsQueriesSearchTransmissions_Attachment: {
            /** @description The display name of the attachment that should be used in GUIs. */
            displayName?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: date-time
             * @description The UTC timestamp when the attachment expires and is no longer available.
             */
            expiresAt?: string | null;
            /**
             * Format: guid
             * @description The unique identifier for the attachment in UUIDv7 format.
             */
            id?: string;
            /**
             * @description The logical name of the attachment.
             * @example receipt
             */
            name?: string | null;
            /** @description The URLs associated with the attachment, each referring to a different representation of the attachment. */
            urls?: components["schemas"]["V1EndUserDialogsQueriesSearchTransmissions_AttachmentUrl"][] | null;
        };
        V1EndUserDialogsQueriesSearchTransmissions_AttachmentUrl: {
            /** @description The type of consumer the URL is intended for. */
            consumerType?: components["schemas"]["Attachments_AttachmentUrlConsumerType"];
            /**
             * Format: guid
             * @description The unique identifier for the attachment URL in UUIDv7 format.
             */
            id?: string;
            /**
             * @description The media type of the attachment.
             * @example application/pdf
             *     application/zip
             */
            mediaType?: string | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the attachment. Will be set to "urn:dialogporten:unauthorized" if the user is
             *     not authorized to access the transmission.
             * @example https://someendpoint.com/someattachment.pdf
             *     urn:dialogporten:unauthorized
             */
            url?: string;
        };
        V1EndUserDialogsQueriesSearchTransmissions_Content: {
            /** @description Front-channel embedded content. Used to dynamically embed content in the frontend from an external URL. */
            contentReference?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The summary of the content. */
            summary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The title of the content. */
            title?: components["schemas"]["V1CommonContent_ContentValue"];
        };
        V1EndUserDialogsQueriesSearchTransmissions_NavigationalAction: {
            /**
             * Format: date-time
             * @description The UTC timestamp when the navigational action expires and is no longer available.
             */
            expiresAt?: string | null;
            /** @description The title of the navigational action. */
            title?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the navigational action. Will be set to \"urn:dialogporten:unauthorized\" if the user is
             *     not authorized to access the transmission, or \"urn:dialogporten:expired\" if the action has expired.
             * @example https://example.com/path
             *     urn:dialogporten:unauthorized
             *     urn:dialogporten:expired
             */
            url?: string;
        };
        V1EndUserDialogsQueriesSearchTransmissions_Transmission: {
            /** @description The attachments associated with the transmission. */
            attachments?: components["schemas"]["V1EndUserDialogsQueriesSearchTransmissions_Attachment"][] | null;
            /** @description The authorization attribute associated with the transmission. */
            authorizationAttribute?: string | null;
            /** @description The content of the transmission. */
            content?: components["schemas"]["V1EndUserDialogsQueriesSearchTransmissions_Content"];
            /**
             * Format: date-time
             * @description The date and time when the transmission was created.
             */
            createdAt?: string;
            /**
             * Format: date-time
             * @description The date and time when the transmission was deleted, if applicable.
             */
            deletedAt?: string | null;
            /**
             * Format: uri
             * @description The extended type URI for the transmission.
             */
            extendedType?: string | null;
            /** @description Arbitrary string with a service-specific reference to an external system or service. */
            externalReference?: string | null;
            /**
             * Format: guid
             * @description The unique identifier for the transmission in UUIDv7 format.
             */
            id?: string;
            /**
             * @description Flag indicating if the authenticated user is authorized for this transmission. If not, embedded content and
             *     the attachments will not be available.
             */
            isAuthorized?: boolean;
            /** @description The navigational actions associated with the transmission. */
            navigationalActions?: components["schemas"]["V1EndUserDialogsQueriesSearchTransmissions_NavigationalAction"][] | null;
            /**
             * Format: guid
             * @description The unique identifier for the related transmission, if any.
             */
            relatedTransmissionId?: string | null;
            /** @description The sender actor information for the transmission. */
            sender?: components["schemas"]["V1EndUserCommonActors_Actor"];
            /** @description The type of the transmission. */
            type?: components["schemas"]["DialogsEntitiesTransmissions_DialogTransmissionType"];
        };
        V1EndUserDialogsQueriesSearchTransmissions_TransmissionRequest: {
            acceptedLanguages?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
        };
        V1EndUserEndUserContextCommandsBulkSetSystemLabels_BulkSetDialogSystemLabelsRequest: {
            dto?: components["schemas"]["V1EndUserEndUserContextCommandsBulkSetSystemLabels_BulkSetSystemLabel"];
        };
        V1EndUserEndUserContextCommandsBulkSetSystemLabels_BulkSetSystemLabel: {
            /** @description List of system labels to add to the target dialogs. If multiple instances of 'bin', 'archive', or 'default' are provided, the last one will be used. */
            addLabels?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
            /** @description List of target dialog ids with optional revision ids */
            dialogs?: components["schemas"]["V1EndUserEndUserContextCommandsBulkSetSystemLabels_DialogRevision"][] | null;
            /** @description List of system labels to remove from the target dialogs. If 'bin' or 'archive' is removed, the 'default' label will be added automatically unless 'bin' or 'archive' is also in the AddLabels list. */
            removeLabels?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
            /**
             * @deprecated
             * @description List of system labels to set on target dialogs
             */
            systemLabels?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
        };
        V1EndUserEndUserContextCommandsBulkSetSystemLabels_DialogRevision: {
            /**
             * Format: guid
             * @description Target dialog id for system labels
             */
            dialogId?: string;
            /**
             * Format: guid
             * @description Optional end user context revision to match against. If supplied and not matching current revision, the entire operation will fail.
             */
            endUserContextRevision?: string | null;
        };
        V1EndUserEndUserContextCommandsSetSystemLabel_SetDialogSystemLabelRequest: {
            /** @description List of system labels to add to the target dialog. If multiple instances of 'bin', 'archive', or 'default' are provided, the last one will be used. */
            addLabels?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
            /** @description List of system labels to remove from the target dialog. If 'bin' or 'archive' is removed, the 'default' label will be added automatically unless 'bin' or 'archive' is also in the AddLabels list. */
            removeLabels?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
            /**
             * @deprecated
             * @description List of system labels to set on target dialogs
             */
            systemLabels?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
        };
        V1EndUserEndUserContextQueriesSearchLabelAssignmentLog_LabelAssignmentLog: {
            action?: string;
            /** Format: date-time */
            createdAt?: string;
            name?: string;
            performedBy?: components["schemas"]["V1EndUserCommonActors_Actor"];
        };
        V1EndUserServiceResourcesQueriesSearch_AuthorizedServiceResources: {
            /**
             * @description Set to true only when Items is the full referenced catalogue returned as a fallback
             *     instead of the caller's authorized subset: this happens when the caller is authorized to a very large
             *     number of parties on an unfiltered request, so the authorized union is not computed. Absent/null for a
             *     normal authorization-scoped result — supply a party filter to always get an authorization-scoped result.
             */
            isFullCatalogueFallback?: boolean | null;
            items?: components["schemas"]["V1CommonServiceResourceMetadata_ServiceResourceMetadataItem"][] | null;
        };
        V1EndUserServiceResourcesSearch_AuthorizedServiceResourcesRequest: {
            acceptedLanguages?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
        };
        V1MetadataLimitsQueriesGet_EndUserSearchLimits: {
            /** Format: int32 */
            maxExtendedStatusFilterValues?: number;
            /** Format: int32 */
            maxOrgFilterValues?: number;
            /** Format: int32 */
            maxPartyFilterValues?: number;
            /** Format: int32 */
            maxServiceResourceFilterValues?: number;
        };
        V1MetadataLimitsQueriesGet_Limits: {
            endUserSearch?: components["schemas"]["V1MetadataLimitsQueriesGet_EndUserSearchLimits"];
            serviceOwnerSearch?: components["schemas"]["V1MetadataLimitsQueriesGet_ServiceOwnerSearchLimits"];
        };
        V1MetadataLimitsQueriesGet_ServiceOwnerSearchLimits: {
            /** Format: int32 */
            maxExtendedStatusFilterValues?: number;
            /** Format: int32 */
            maxPartyFilterValues?: number;
            /** Format: int32 */
            maxServiceResourceFilterValues?: number;
        };
        V1MetadataServiceResourcesGet_ServiceResourceMetadataRequest: {
            acceptedLanguages?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
        };
        V1MetadataServiceResourcesQueriesGet_ServiceResourceMetadata: {
            items?: components["schemas"]["V1CommonServiceResourceMetadata_ServiceResourceMetadataItem"][] | null;
        };
        V1ServiceOwnerCommonActors_Actor: {
            /**
             * @description The identifier (national identity number or organization number) of the actor.
             * @example urn:altinn:person:identifier-no:12018212345
             */
            actorId?: string | null;
            /**
             * @description The name of the actor.
             * @example Ola Nordmann
             */
            actorName?: string | null;
            /** @description The type of actor; either the service owner, or someone representing the party. */
            actorType?: components["schemas"]["Actors_ActorType"];
        };
        /** @enum {string} */
        V1ServiceOwnerCommonDialogStatuses_DialogStatusInput: "New" | "InProgress" | "Draft" | "Sent" | "RequiresAttention" | "Completed" | "NotApplicable" | "Awaiting";
        V1ServiceOwnerDialogLookupQueriesGet_DialogLookupRequest: {
            acceptedLanguages?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
        };
        V1ServiceOwnerDialogsCommandsCreate_Activity: {
            /**
             * Format: date-time
             * @description If supplied, overrides the creating date and time for the activity.
             *     If not supplied, the current date /time will be used.
             */
            createdAt?: string | null;
            /** @description Unstructured text describing the activity. Only set if the activity type is "Information". */
            description?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description Arbitrary URI/URN describing a service-specific activity type.
             */
            extendedType?: string | null;
            /**
             * Format: guid
             * @description A self-defined UUIDv7 may be provided to support idempotent creation of activities. If not provided, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /** @description The actor that performed the activity. */
            performedBy?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"];
            /**
             * Format: guid
             * @description If the activity is related to a particular transmission, this field will contain the transmission identifier.
             *     Must be present in the request body.
             */
            transmissionId?: string | null;
            /** @description The type of activity. */
            type?: components["schemas"]["DialogsEntitiesActivities_DialogActivityType"];
        };
        V1ServiceOwnerDialogsCommandsCreate_ApiAction: {
            /**
             * @description String identifier for the action, corresponding to the "action" attributeId used in the XACML service policy,
             *     which by default is the policy belonging to the service referred to by "serviceResource" in the dialog.
             * @example write
             */
            action?: string;
            /**
             * @description Contains an authorization resource attributeId, that can used in custom authorization rules in the XACML service
             *     policy, which by default is the policy belonging to the service referred to by "serviceResource" in the dialog.
             *
             *     Can also be used to refer to other service policies.
             * @example mycustomresource
             *     /* equivalent to the above *\/
             *     urn:altinn:subresource:mycustomresource
             *     urn:altinn:task:Task_1
             *     /* refer to another service *\/
             *     urn:altinn:resource:some-other-service-identifier
             */
            authorizationAttribute?: string | null;
            /** @description The endpoints associated with the action. */
            endpoints?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreate_ApiActionEndpoint"][] | null;
            /**
             * Format: guid
             * @description A self-defined UUIDv7 may be provided to support idempotent creation of Api Actions. If not provided, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /**
             * @description The logical name of the operation the API action refers to.
             * @example confirm
             */
            name?: string | null;
        };
        V1ServiceOwnerDialogsCommandsCreate_ApiActionEndpoint: {
            /** @description Boolean indicating if the endpoint is deprecated. */
            deprecated?: boolean;
            /**
             * Format: uri
             * @description Link to documentation for the endpoint, providing documentation for integrators. Should be a URL to a
             *     human-readable page.
             */
            documentationUrl?: string | null;
            /** @description The HTTP method that the endpoint expects for this action. */
            httpMethod?: components["schemas"]["Http_HttpVerb"];
            /**
             * Format: guid
             * @description A self-defined UUIDv7 may be provided to support idempotent creation of Api Action Endpoints. If not provided, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /**
             * Format: uri
             * @description Link to the request schema for the endpoint. Used to provide documentation for integrators.
             *     Dialogporten will not validate information on this endpoint.
             */
            requestSchema?: string | null;
            /**
             * Format: uri
             * @description Link to the response schema for the endpoint. Used to provide documentation for integrators.
             *     Dialogporten will not validate information on this endpoint.
             */
            responseSchema?: string | null;
            /**
             * Format: date-time
             * @description Date and time when the endpoint will no longer function. Only set if the endpoint is deprecated. Dialogporten
             *     will not enforce this date.
             */
            sunsetAt?: string | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the API endpoint.
             */
            url?: string;
            /** @description Arbitrary string indicating the version of the endpoint. */
            version?: string | null;
        };
        V1ServiceOwnerDialogsCommandsCreate_Attachment: {
            /** @description The display name of the attachment that should be used in GUIs. */
            displayName?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: date-time
             * @description The UTC timestamp when the attachment expires and is no longer available.
             */
            expiresAt?: string | null;
            /**
             * Format: guid
             * @description A self-defined UUIDv7 may be provided to support idempotent creation of attachments. If not provided, a new UUIDv7 will be generated.
             */
            id?: string | null;
            /**
             * @description The logical name of the attachment.
             * @example receipt
             */
            name?: string | null;
            /** @description The URLs associated with the attachment, each referring to a different representation of the attachment. */
            urls?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreate_AttachmentUrl"][] | null;
        };
        V1ServiceOwnerDialogsCommandsCreate_AttachmentUrl: {
            /** @description The type of consumer the URL is intended for. */
            consumerType?: components["schemas"]["Attachments_AttachmentUrlConsumerType"];
            /**
             * Format: guid
             * @description A self-defined UUIDv7 may be provided to support idempotent creation of attachment URLs. If not provided, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /**
             * @description The media type of the attachment.
             * @example application/pdf
             *     application/zip
             */
            mediaType?: string | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the attachment.
             */
            url?: string;
        };
        V1ServiceOwnerDialogsCommandsCreate_Content: {
            /**
             * @description Additional information about the dialog.
             *     Supported media types: text/plain, text/markdown
             */
            additionalInfo?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /**
             * @description Used as the human-readable label used to describe the "ExtendedStatus" field.
             *     Supported media types: text/plain
             */
            extendedStatus?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description Front-channel embedded content. Used to dynamically embed content in the frontend from an external URL. Must be HTTPS. */
            mainContentReference?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /**
             * @description An optional non-sensitive summary of the dialog and its current state.
             *     Used for search and list views if the user authorization does not meet the required eIDAS level
             */
            nonSensitiveSummary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /**
             * @description An optional non-sensitive title of the dialog.
             *     Used for search and list views if the user authorization does not meet the required eIDAS level
             */
            nonSensitiveTitle?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /**
             * @description Overridden sender name. If not supplied, assume "org" as the sender name. Must be text/plain if supplied.
             *     Supported media types: text/plain
             */
            senderName?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /**
             * @description A short summary of the dialog and its current state.
             *     Supported media types: text/plain
             */
            summary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /**
             * @description The title of the dialog.
             *     Supported media types: text/plain
             */
            title?: components["schemas"]["V1CommonContent_ContentValue"];
        };
        V1ServiceOwnerDialogsCommandsCreate_Dialog: {
            /** @description An immutable list of activities associated with the dialog. */
            activities?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreate_Activity"][] | null;
            /** @description The API actions associated with the dialog. Should be used in specialized, non-browser-based integrations. */
            apiActions?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreate_ApiAction"][] | null;
            /** @description The attachments associated with the dialog (on an aggregate level). */
            attachments?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreate_Attachment"][] | null;
            /** @description The dialog unstructured text content. */
            content?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreate_Content"] | null;
            /**
             * Format: date-time
             * @description If set, will override the date and time when the dialog is set as created.
             *     If not supplied, the current date /time will be used.
             * @example 2022-12-31T23:59:59Z
             */
            createdAt?: string | null;
            /**
             * Format: date-time
             * @description The due date for the dialog. Dialogs past due date might be marked as such in frontends but will still be available.
             * @example 2022-12-31T23:59:59Z
             */
            dueAt?: string | null;
            /**
             * Format: date-time
             * @description The expiration date for the dialog. This is the last date when the dialog is available for the end user.
             *
             *     After this date is passed, the dialog will be considered expired and no longer available for the end user in any
             *     API. If not supplied, the dialog will be considered to never expire. This field can be changed after creation.
             * @example 2022-12-31T23:59:59Z
             */
            expiresAt?: string | null;
            /**
             * @description Arbitrary string with a service-specific indicator of status, typically used to indicate a fine-grained state of
             *     the dialog to further specify the "status" enum.
             */
            extendedStatus?: string | null;
            /** @description Arbitrary string with a service-specific reference to an external system or service. */
            externalReference?: string | null;
            /** @description The GUI actions associated with the dialog. Should be used in browser-based interactive frontends. */
            guiActions?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreate_GuiAction"][] | null;
            /**
             * Format: guid
             * @description A self-defined UUIDv7 may be provided to support idempotent creation of dialogs. If not provided, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /** @description An optional key to ensure idempotency in dialog creation. If provided, it allows for the safe re-submission of the same dialog creation request without creating duplicate entries. */
            idempotentKey?: string | null;
            /**
             * @description Indicates if this dialog is intended for API consumption only and should not be displayed in user interfaces.
             *     When true, the dialog will not be visible in portals designed for human users, but will remain accessible via API.
             */
            isApiOnly?: boolean;
            /**
             * @description The party code representing the organization or person that the dialog belongs to in URN format.
             * @example urn:altinn:person:identifier-no:01125512345
             *     urn:altinn:organization:identifier-no:912345678
             */
            party?: string;
            /** @description Optional preceding process identifier to indicate the business process that preceded the process indicated in the "Process" field. Cannot be set without also "Process" being set. */
            precedingProcess?: string | null;
            /** @description Optional process identifier used to indicate a business process this dialog belongs to. */
            process?: string | null;
            /**
             * Format: int32
             * @description Advisory indicator of progress, represented as 1-100 percentage value. 100% representing a dialog that has come
             *     to a natural completion (successful or not).
             */
            progress?: number | null;
            /** @description A list of words (tags) that will be used in dialog search queries. Not visible in end-user DTO. */
            searchTags?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreate_Tag"][] | null;
            /** @description Metadata about the dialog owned by the service owner. */
            serviceOwnerContext?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreate_DialogServiceOwnerContext"] | null;
            /**
             * @description The service identifier for the service that the dialog is related to in URN-format.
             *     This corresponds to a resource in the Altinn Resource Registry, which the authenticated organization
             *     must own, i.e., be listed as the "competent authority" in the Resource Registry entry.
             * @example urn:altinn:resource:some-service-identifier
             */
            serviceResource?: string;
            /** @description The aggregated status of the dialog. */
            status?: components["schemas"]["V1ServiceOwnerCommonDialogStatuses_DialogStatusInput"] | null;
            /** @description Set the system label of the dialog. */
            systemLabel?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"] | null;
            /** @description The immutable list of transmissions associated with the dialog. */
            transmissions?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreate_Transmission"][] | null;
            /**
             * Format: date-time
             * @description If set, will override the date and time when the dialog is set as last updated.
             *     If not supplied, the current date /time will be used.
             * @example 2022-12-31T23:59:59Z
             */
            updatedAt?: string | null;
            /**
             * Format: date-time
             * @description The timestamp when the dialog should be made visible for authorized end users. If not provided, the dialog will be
             *     immediately available.
             * @example 2022-12-31T23:59:59Z
             */
            visibleFrom?: string | null;
        };
        V1ServiceOwnerDialogsCommandsCreate_DialogRequest: {
            dto?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreate_Dialog"];
        };
        V1ServiceOwnerDialogsCommandsCreate_DialogServiceOwnerContext: {
            /** @description A list of labels, not visible in end-user APIs. */
            serviceOwnerLabels?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreate_ServiceOwnerLabel"][] | null;
        };
        V1ServiceOwnerDialogsCommandsCreate_GuiAction: {
            /** @description The action identifier for the action, corresponding to the "action" attributeId used in the XACML service policy. */
            action?: string;
            /**
             * @description Contains an authorization resource attributeId, that can used in custom authorization rules in the XACML service
             *     policy, which by default is the policy belonging to the service referred to by "serviceResource" in the dialog.
             *
             *     Can also be used to refer to other service policies.
             * @example mycustomresource
             *     /* equivalent to the above *\/
             *     urn:altinn:subresource:mycustomresource
             *     urn:altinn:task:Task_1
             *     /* refer to another service *\/
             *     urn:altinn:resource:some-other-service-identifier
             */
            authorizationAttribute?: string | null;
            /** @description The HTTP method that the frontend should use when redirecting the user. */
            httpMethod?: components["schemas"]["Http_HttpVerb"] | null;
            /**
             * Format: guid
             * @description A self-defined UUIDv7 may be provided to support idempotent creation of Gui Actions. If not provided, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /**
             * @description Indicates whether the action results in the dialog being deleted. Used by frontends to implement custom UX
             *     for delete actions.
             */
            isDeleteDialogAction?: boolean;
            /**
             * @description Indicates a priority for the action, making it possible for frontends to adapt GUI elements based on action
             *     priority.
             */
            priority?: components["schemas"]["DialogsEntitiesActions_DialogGuiActionPriority"];
            /**
             * @description If there should be a prompt asking the user for confirmation before the action is executed,
             *     this field should contain the prompt text.
             */
            prompt?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /** @description The title of the action, this should be short and in verb form. Must be text/plain. */
            title?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the action, to which the user will be redirected when the action is triggered. Will be set to
             *     "urn:dialogporten:unauthorized" if the user is not authorized to perform the action.
             * @example urn:dialogporten:unauthorized
             *     https://someendpoint.com/gui/some-service-instance-id
             */
            url?: string;
        };
        V1ServiceOwnerDialogsCommandsCreate_ServiceOwnerLabel: {
            /** @description A label value. */
            value?: string;
        };
        V1ServiceOwnerDialogsCommandsCreate_Tag: {
            /** @description A search tag value. */
            value?: string;
        };
        V1ServiceOwnerDialogsCommandsCreate_Transmission: {
            /** @description The transmission-level attachments. */
            attachments?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreate_TransmissionAttachment"][] | null;
            /**
             * @description Contains an authorization resource attributeId, that can used in custom authorization rules in the XACML service
             *     policy, which by default is the policy belonging to the service referred to by "serviceResource" in the dialog.
             *
             *     Can also be used to refer to other service policies.
             * @example mycustomresource
             *     /* equivalent to the above *\/
             *     urn:altinn:subresource:mycustomresource
             *     urn:altinn:task:Task_1
             *     /* refer to another service *\/
             *     urn:altinn:resource:some-other-service-identifier
             */
            authorizationAttribute?: string | null;
            /** @description The transmission unstructured text content. */
            content?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreate_TransmissionContent"] | null;
            /**
             * Format: date-time
             * @description If supplied, overrides the creating date and time for the transmission.
             *     If not supplied, the current date /time will be used.
             */
            createdAt?: string;
            /**
             * Format: uri
             * @description Arbitrary URI/URN describing a service-specific transmission type.
             *
             *     Refer to the service-specific documentation provided by the service owner for details (if in use).
             */
            extendedType?: string | null;
            /** @description Arbitrary string with a service-specific reference to an external system or service. */
            externalReference?: string | null;
            /**
             * Format: guid
             * @description A self-defined UUIDv7 may be provided to support idempotent creation of transmissions. If not provided, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /** @description An optional key to ensure idempotency in transmission creation. If provided, it must be unique within the dialog; reusing the same key for the same dialog results in Conflict and no new transmission is created. */
            idempotentKey?: string | null;
            /** @description The transmission-level navigational actions. */
            navigationalActions?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreate_TransmissionNavigationalAction"][] | null;
            /**
             * Format: guid
             * @description Reference to any other transmission that this transmission is related to.
             */
            relatedTransmissionId?: string | null;
            /** @description The actor that sent the transmission. */
            sender?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"];
            /** @description The type of transmission. */
            type?: components["schemas"]["DialogsEntitiesTransmissions_DialogTransmissionType"];
        };
        V1ServiceOwnerDialogsCommandsCreate_TransmissionAttachment: {
            /** @description The display name of the attachment that should be used in GUIs. */
            displayName?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: date-time
             * @description The UTC timestamp when the attachment expires and is no longer available.
             */
            expiresAt?: string | null;
            /**
             * Format: guid
             * @description A self-defined UUIDv7 may be provided to support idempotent creation of transmission attachments. If not provided, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /**
             * @description The logical name of the attachment.
             * @example receipt
             */
            name?: string | null;
            /** @description The URLs associated with the attachment, each referring to a different representation of the attachment. */
            urls?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreate_TransmissionAttachmentUrl"][] | null;
        };
        V1ServiceOwnerDialogsCommandsCreate_TransmissionAttachmentUrl: {
            /** @description The type of consumer the URL is intended for. */
            consumerType?: components["schemas"]["Attachments_AttachmentUrlConsumerType"];
            /**
             * @description The media type of the attachment.
             * @example application/pdf
             *     application/zip
             */
            mediaType?: string | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the attachment.
             */
            url?: string;
        };
        V1ServiceOwnerDialogsCommandsCreate_TransmissionContent: {
            /** @description Front-channel embedded content. Used to dynamically embed content in the frontend from an external URL. Must be HTTPS. */
            contentReference?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The transmission summary. */
            summary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The transmission title. Must be text/plain. */
            title?: components["schemas"]["V1CommonContent_ContentValue"];
        };
        V1ServiceOwnerDialogsCommandsCreate_TransmissionNavigationalAction: {
            /**
             * Format: date-time
             * @description The UTC timestamp when the navigational action expires and is no longer available.
             */
            expiresAt?: string | null;
            /** @description The title of the navigational action. */
            title?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the navigational action.
             */
            url?: string;
        };
        V1ServiceOwnerDialogsCommandsCreateActivity_ActivityRequest: {
            /**
             * Format: date-time
             * @description If supplied, overrides the creating date and time for the activity.
             *     If not supplied, the current date /time will be used.
             */
            createdAt?: string | null;
            /** @description Unstructured text describing the activity. Only set if the activity type is "Information". */
            description?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description Arbitrary URI/URN describing a service-specific activity type.
             */
            extendedType?: string | null;
            /**
             * Format: guid
             * @description A UUIDv7 may be provided to support idempotent additions to the list of activities.
             *     If not supplied, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /** @description The actor that performed the activity. */
            performedBy?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"];
            /**
             * Format: guid
             * @description If the activity is related to a particular transmission, this field will contain the transmission identifier.
             *     Must be present in the request body.
             */
            transmissionId?: string | null;
            /** @description The type of activity */
            type?: components["schemas"]["DialogsEntitiesActivities_DialogActivityType"];
        };
        V1ServiceOwnerDialogsCommandsCreateTransmission_TransmissionAttachment: {
            /** @description The display name of the attachment that should be used in GUIs. */
            displayName?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: date-time
             * @description The UTC timestamp when the attachment expires and is no longer available.
             */
            expiresAt?: string | null;
            /**
             * Format: guid
             * @description A self-defined UUIDv7 may be provided to support idempotent additions of transmission attachments. If not provided, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /**
             * @description The logical name of the attachment.
             * @example receipt
             */
            name?: string | null;
            /** @description The URLs associated with the attachment, each referring to a different representation of the attachment. */
            urls?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreateTransmission_TransmissionAttachmentUrl"][] | null;
        };
        V1ServiceOwnerDialogsCommandsCreateTransmission_TransmissionAttachmentUrl: {
            /** @description The type of consumer the URL is intended for. */
            consumerType?: components["schemas"]["Attachments_AttachmentUrlConsumerType"];
            /**
             * @description The media type of the attachment.
             * @example application/pdf
             *     application/zip
             */
            mediaType?: string | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the attachment.
             */
            url?: string;
        };
        V1ServiceOwnerDialogsCommandsCreateTransmission_TransmissionContent: {
            /** @description Front-channel embedded content. Used to dynamically embed content in the frontend from an external URL. Must be HTTPS. */
            contentReference?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The transmission summary. */
            summary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The transmission title. Must be text/plain. */
            title?: components["schemas"]["V1CommonContent_ContentValue"];
        };
        V1ServiceOwnerDialogsCommandsCreateTransmission_TransmissionNavigationalAction: {
            /**
             * Format: date-time
             * @description The UTC timestamp when the navigational action expires and is no longer available.
             */
            expiresAt?: string | null;
            /** @description The title of the navigational action. */
            title?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the navigational action.
             */
            url?: string;
        };
        V1ServiceOwnerDialogsCommandsCreateTransmission_TransmissionRequest: {
            /** @description The transmission-level attachments. */
            attachments?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreateTransmission_TransmissionAttachment"][] | null;
            /**
             * @description Contains an authorization resource attributeId, that can used in custom authorization rules in the XACML service
             *     policy, which by default is the policy belonging to the service referred to by "serviceResource" in the dialog.
             *
             *     Can also be used to refer to other service policies.
             * @example mycustomresource
             *     /* equivalent to the above *\/
             *     urn:altinn:subresource:mycustomresource
             *     urn:altinn:task:Task_1
             *     /* refer to another service *\/
             *     urn:altinn:resource:some-other-service-identifier
             */
            authorizationAttribute?: string | null;
            /** @description The transmission unstructured text content. */
            content?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreateTransmission_TransmissionContent"] | null;
            /**
             * Format: date-time
             * @description If supplied, overrides the creating date and time for the transmission.
             *     If not supplied, the current date /time will be used.
             */
            createdAt?: string;
            /**
             * Format: uri
             * @description Arbitrary URI/URN describing a service-specific transmission type.
             *
             *     Refer to the service-specific documentation provided by the service owner for details (if in use).
             */
            extendedType?: string | null;
            /** @description Arbitrary string with a service-specific reference to an external system or service. */
            externalReference?: string | null;
            /**
             * Format: guid
             * @description A UUIDv7 may be provided to support idempotent additions to the list of transmissions.
             *     If not supplied, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /** @description An optional key to ensure idempotency in transmission creation. If provided, it must be unique within the dialog; reusing the same key for the same dialog results in Conflict and no new transmission is created. */
            idempotentKey?: string | null;
            /** @description The transmission-level navigational actions. */
            navigationalActions?: components["schemas"]["V1ServiceOwnerDialogsCommandsCreateTransmission_TransmissionNavigationalAction"][] | null;
            /**
             * Format: guid
             * @description Reference to any other transmission that this transmission is related to.
             */
            relatedTransmissionId?: string | null;
            /** @description The actor that sent the transmission. */
            sender?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"];
            /** @description The type of transmission. */
            type?: components["schemas"]["DialogsEntitiesTransmissions_DialogTransmissionType"];
        };
        V1ServiceOwnerDialogsCommandsUpdate_Activity: {
            /**
             * Format: date-time
             * @description If supplied, overrides the creating date and time for the activity.
             *     If not supplied, the current date /time will be used.
             */
            createdAt?: string | null;
            /** @description Unstructured text describing the activity. Only set if the activity type is "Information". */
            description?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description Arbitrary URI/URN describing a service-specific activity type.
             */
            extendedType?: string | null;
            /**
             * Format: guid
             * @description A UUIDv7 may be provided to support idempotent additions to the list of activities.
             *     If not supplied, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /** @description The actor that performed the activity. */
            performedBy?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"];
            /**
             * Format: guid
             * @description If the activity is related to a particular transmission, this field will contain the transmission identifier.
             *     Must be present in the request body.
             */
            transmissionId?: string | null;
            /** @description The type of activity. */
            type?: components["schemas"]["DialogsEntitiesActivities_DialogActivityType"];
        };
        V1ServiceOwnerDialogsCommandsUpdate_ApiAction: {
            /**
             * @description String identifier for the action, corresponding to the "action" attributeId used in the XACML service policy,
             *     which by default is the policy belonging to the service referred to by "serviceResource" in the dialog.
             * @example write
             */
            action?: string;
            /**
             * @description Contains an authorization resource attributeId, that can used in custom authorization rules in the XACML service
             *     policy, which by default is the policy belonging to the service referred to by "serviceResource" in the dialog.
             *
             *     Can also be used to refer to other service policies.
             * @example mycustomresource
             *     /* equivalent to the above *\/
             *     urn:altinn:subresource:mycustomresource
             *     urn:altinn:task:Task_1
             *     /* refer to another service *\/
             *     urn:altinn:resource:some-other-service-identifier
             */
            authorizationAttribute?: string | null;
            /** @description The endpoints associated with the action. */
            endpoints?: components["schemas"]["V1ServiceOwnerDialogsCommandsUpdate_ApiActionEndpoint"][] | null;
            /**
             * Format: guid
             * @description A self-defined UUIDv7 may be provided to support idempotent additions of Api Actions. If not provided, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /**
             * @description The logical name of the operation the API action refers to.
             * @example confirm
             */
            name?: string | null;
        };
        V1ServiceOwnerDialogsCommandsUpdate_ApiActionEndpoint: {
            /** @description Boolean indicating if the endpoint is deprecated. */
            deprecated?: boolean;
            /**
             * Format: uri
             * @description Link to documentation for the endpoint, providing documentation for integrators. Should be a URL to a
             *     human-readable page.
             */
            documentationUrl?: string | null;
            /** @description The HTTP method that the endpoint expects for this action. */
            httpMethod?: components["schemas"]["Http_HttpVerb"];
            /**
             * Format: guid
             * @description A self-defined UUIDv7 may be provided to support idempotent creation of Api Action Endpoints. If not provided, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /**
             * Format: uri
             * @description Link to the request schema for the endpoint. Used to provide documentation for integrators.
             *     Dialogporten will not validate information on this endpoint.
             */
            requestSchema?: string | null;
            /**
             * Format: uri
             * @description Link to the response schema for the endpoint. Used to provide documentation for integrators.
             *     Dialogporten will not validate information on this endpoint.
             */
            responseSchema?: string | null;
            /**
             * Format: date-time
             * @description Date and time when the endpoint will no longer function. Only set if the endpoint is deprecated. Dialogporten
             *     will not enforce this date.
             */
            sunsetAt?: string | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the API endpoint.
             */
            url?: string;
            /** @description Arbitrary string indicating the version of the endpoint. */
            version?: string | null;
        };
        V1ServiceOwnerDialogsCommandsUpdate_Attachment: {
            /** @description The display name of the attachment that should be used in GUIs. */
            displayName?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: date-time
             * @description The UTC timestamp when the attachment expires and is no longer available.
             */
            expiresAt?: string | null;
            /**
             * Format: guid
             * @description A self-defined UUIDv7 may be provided to support idempotent additions of attachments. If not provided, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /**
             * @description The logical name of the attachment.
             * @example receipt
             */
            name?: string | null;
            /** @description The URLs associated with the attachment, each referring to a different representation of the attachment. */
            urls?: components["schemas"]["V1ServiceOwnerDialogsCommandsUpdate_AttachmentUrl"][] | null;
        };
        V1ServiceOwnerDialogsCommandsUpdate_AttachmentUrl: {
            /** @description The type of consumer the URL is intended for. */
            consumerType?: components["schemas"]["Attachments_AttachmentUrlConsumerType"];
            /**
             * Format: guid
             * @description A self-defined UUIDv7 may be provided to support idempotent additions and updates of attachment URLs. If not provided, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /**
             * @description The media type of the attachment.
             * @example application/pdf
             *     application/zip
             */
            mediaType?: string | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the attachment.
             */
            url?: string;
        };
        V1ServiceOwnerDialogsCommandsUpdate_Content: {
            /** @description Additional information about the dialog, this may contain Markdown. */
            additionalInfo?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description Used as the human-readable label used to describe the "ExtendedStatus" field. Must be text/plain. */
            extendedStatus?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description Front-channel embedded content. Used to dynamically embed content in the frontend from an external URL. Must be HTTPS. */
            mainContentReference?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /**
             * @description An optional non-sensitive summary of the dialog and its current state.
             *     Used for search and list views if the user authorization does not meet the required eIDAS level
             */
            nonSensitiveSummary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /**
             * @description An optional non-sensitive title of the dialog.
             *     Used for search and list views if the user authorization does not meet the required eIDAS level
             */
            nonSensitiveTitle?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description Overridden sender name. If not supplied, assume "org" as the sender name. Must be text/plain if supplied. */
            senderName?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description A short summary of the dialog and its current state. Must be text/plain. */
            summary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The title of the dialog. Must be text/plain. */
            title?: components["schemas"]["V1CommonContent_ContentValue"];
        };
        V1ServiceOwnerDialogsCommandsUpdate_Dialog: {
            /**
             * @description An immutable list of activities associated with the dialog. When updating via PUT, any activities added here
             *     will be appended to the existing list of activities.
             */
            activities?: components["schemas"]["V1ServiceOwnerDialogsCommandsUpdate_Activity"][] | null;
            /** @description The API actions associated with the dialog. Should be used in specialized, non-browser-based integrations. */
            apiActions?: components["schemas"]["V1ServiceOwnerDialogsCommandsUpdate_ApiAction"][] | null;
            /** @description The attachments associated with the dialog (on an aggregate level). */
            attachments?: components["schemas"]["V1ServiceOwnerDialogsCommandsUpdate_Attachment"][] | null;
            /** @description The dialog unstructured text content. */
            content?: components["schemas"]["V1ServiceOwnerDialogsCommandsUpdate_Content"] | null;
            /**
             * Format: date-time
             * @description The due date for the dialog. Dialogs past due date might be marked as such in frontends but will still be available.
             * @example 2022-12-31T23:59:59Z
             */
            dueAt?: string | null;
            /**
             * Format: date-time
             * @description The expiration date for the dialog. This is the last date when the dialog is available for the end user.
             *
             *     After this date is passed, the dialog will be considered expired and no longer available for the end user in any
             *     API. If not supplied, the dialog will be considered to never expire. This field can be changed after creation.
             * @example 2022-12-31T23:59:59Z
             */
            expiresAt?: string | null;
            /**
             * @description Arbitrary string with a service-specific indicator of status, typically used to indicate a fine-grained state of
             *     the dialog to further specify the "status" enum.
             */
            extendedStatus?: string | null;
            /** @description Arbitrary string with a service-specific reference to an external system or service. */
            externalReference?: string | null;
            /** @description The GUI actions associated with the dialog. Should be used in browser-based interactive frontends. */
            guiActions?: components["schemas"]["V1ServiceOwnerDialogsCommandsUpdate_GuiAction"][] | null;
            /**
             * @description Indicates if this dialog is intended for API consumption only and should not be displayed in user interfaces.
             *     When true, the dialog will not be visible in portals designed for human users, but will remain accessible via API.
             *     If any Transmissions were created without Content while this property was true, the flag cannot be reverted to false.
             */
            isApiOnly?: boolean;
            /** @description Optional preceding process identifier to indicate the business process that preceded the process indicated in the "Process" field. Cannot be set without also "Process" being set. */
            precedingProcess?: string | null;
            /** @description Optional process identifier used to indicate a business process this dialog belongs to. */
            process?: string | null;
            /**
             * Format: int32
             * @description Advisory indicator of progress, represented as 1-100 percentage value. 100% representing a dialog that has come
             *     to a natural completion (successful or not).
             */
            progress?: number | null;
            /** @description A list of words (tags) that will be used in dialog search queries. Not visible in end-user DTO. */
            searchTags?: components["schemas"]["V1ServiceOwnerDialogsCommandsUpdate_Tag"][] | null;
            /** @description The aggregated status of the dialog. */
            status?: components["schemas"]["V1ServiceOwnerCommonDialogStatuses_DialogStatusInput"];
            /**
             * @description The immutable list of transmissions associated with the dialog. When updating via PUT, any transmissions
             *     added here will be appended to the existing list of transmissions.
             */
            transmissions?: components["schemas"]["V1ServiceOwnerDialogsCommandsUpdate_Transmission"][] | null;
        };
        V1ServiceOwnerDialogsCommandsUpdate_DialogRequest: {
            dto?: components["schemas"]["V1ServiceOwnerDialogsCommandsUpdate_Dialog"];
        };
        V1ServiceOwnerDialogsCommandsUpdate_GuiAction: {
            /** @description The action identifier for the action, corresponding to the "action" attributeId used in the XACML service policy. */
            action?: string;
            /**
             * @description Contains an authorization resource attributeId, that can used in custom authorization rules in the XACML service
             *     policy, which by default is the policy belonging to the service referred to by "serviceResource" in the dialog.
             *
             *     Can also be used to refer to other service policies.
             * @example mycustomresource
             *     /* equivalent to the above *\/
             *     urn:altinn:subresource:mycustomresource
             *     urn:altinn:task:Task_1
             *     /* refer to another service *\/
             *     urn:altinn:resource:some-other-service-identifier
             */
            authorizationAttribute?: string | null;
            /** @description The HTTP method that the frontend should use when redirecting the user. */
            httpMethod?: components["schemas"]["Http_HttpVerb"] | null;
            /**
             * Format: guid
             * @description A self-defined UUIDv7 may be provided to support idempotent additions of Gui Actions. If not provided, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /**
             * @description Indicates whether the action results in the dialog being deleted. Used by frontends to implement custom UX
             *     for delete actions.
             */
            isDeleteDialogAction?: boolean;
            /**
             * @description Indicates a priority for the action, making it possible for frontends to adapt GUI elements based on action
             *     priority.
             */
            priority?: components["schemas"]["DialogsEntitiesActions_DialogGuiActionPriority"];
            /**
             * @description If there should be a prompt asking the user for confirmation before the action is executed,
             *     this field should contain the prompt text.
             */
            prompt?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /** @description The title of the action, this should be short and in verb form. Must be text/plain. */
            title?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the action, to which the user will be redirected when the action is triggered. Will be set to
             *     "urn:dialogporten:unauthorized" if the user is not authorized to perform the action.
             * @example urn:dialogporten:unauthorized
             *     https://someendpoint.com/gui/some-service-instance-id
             */
            url?: string;
        };
        V1ServiceOwnerDialogsCommandsUpdate_Tag: {
            /** @description A search tag value. */
            value?: string;
        };
        V1ServiceOwnerDialogsCommandsUpdate_Transmission: {
            /** @description The transmission-level attachments. */
            attachments?: components["schemas"]["V1ServiceOwnerDialogsCommandsUpdate_TransmissionAttachment"][] | null;
            /**
             * @description Contains an authorization resource attributeId, that can used in custom authorization rules in the XACML service
             *     policy, which by default is the policy belonging to the service referred to by "serviceResource" in the dialog.
             *
             *     Can also be used to refer to other service policies.
             * @example mycustomresource
             *     /* equivalent to the above *\/
             *     urn:altinn:subresource:mycustomresource
             *     urn:altinn:task:Task_1
             *     /* refer to another service *\/
             *     urn:altinn:resource:some-other-service-identifier
             */
            authorizationAttribute?: string | null;
            /** @description The transmission unstructured text content. */
            content?: components["schemas"]["V1ServiceOwnerDialogsCommandsUpdate_TransmissionContent"] | null;
            /**
             * Format: date-time
             * @description If supplied, overrides the creating date and time for the transmission.
             *     If not supplied, the current date /time will be used.
             */
            createdAt?: string;
            /**
             * Format: uri
             * @description Arbitrary URI/URN describing a service-specific transmission type.
             *
             *     Refer to the service-specific documentation provided by the service owner for details (if in use).
             */
            extendedType?: string | null;
            /** @description Arbitrary string with a service-specific reference to an external system or service. */
            externalReference?: string | null;
            /**
             * Format: guid
             * @description A UUIDv7 may be provided to support idempotent additions to the list of transmissions.
             *     If not supplied, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /** @description An optional key to ensure idempotency in transmission creation. If provided, it must be unique within the dialog; reusing the same key for the same dialog results in Conflict and no new transmission is created. */
            idempotentKey?: string | null;
            /** @description The transmission-level navigational actions. */
            navigationalActions?: components["schemas"]["V1ServiceOwnerDialogsCommandsUpdate_TransmissionNavigationalAction"][] | null;
            /**
             * Format: guid
             * @description Reference to any other transmission that this transmission is related to.
             */
            relatedTransmissionId?: string | null;
            /** @description The actor that sent the transmission. */
            sender?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"];
            /** @description The type of transmission. */
            type?: components["schemas"]["DialogsEntitiesTransmissions_DialogTransmissionType"];
        };
        V1ServiceOwnerDialogsCommandsUpdate_TransmissionAttachment: {
            /** @description The display name of the attachment that should be used in GUIs. */
            displayName?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: date-time
             * @description The UTC timestamp when the attachment expires and is no longer available.
             */
            expiresAt?: string | null;
            /**
             * Format: guid
             * @description A self-defined UUIDv7 may be provided to support idempotent additions of transmission attachments. If not provided, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /**
             * @description The logical name of the attachment.
             * @example receipt
             */
            name?: string | null;
            /** @description The URLs associated with the attachment, each referring to a different representation of the attachment. */
            urls?: components["schemas"]["V1ServiceOwnerDialogsCommandsUpdate_TransmissionAttachmentUrl"][] | null;
        };
        V1ServiceOwnerDialogsCommandsUpdate_TransmissionAttachmentUrl: {
            /** @description The type of consumer the URL is intended for. */
            consumerType?: components["schemas"]["Attachments_AttachmentUrlConsumerType"];
            /**
             * @description The media type of the attachment.
             * @example application/pdf
             *     application/zip
             */
            mediaType?: string | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the attachment.
             */
            url?: string;
        };
        V1ServiceOwnerDialogsCommandsUpdate_TransmissionContent: {
            /** @description Front-channel embedded content. Used to dynamically embed content in the frontend from an external URL. Must be HTTPS. */
            contentReference?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The transmission summary. */
            summary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The transmission title. Must be text/plain. */
            title?: components["schemas"]["V1CommonContent_ContentValue"];
        };
        V1ServiceOwnerDialogsCommandsUpdate_TransmissionNavigationalAction: {
            /**
             * Format: date-time
             * @description The UTC timestamp when the navigational action expires and is no longer available.
             */
            expiresAt?: string | null;
            /** @description The title of the navigational action. */
            title?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the navigational action.
             */
            url?: string;
        };
        V1ServiceOwnerDialogsCommandsUpdateTransmission_TransmissionAttachment: {
            /** @description The display name of the attachment that should be used in GUIs. */
            displayName?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: date-time
             * @description The UTC timestamp when the attachment expires and is no longer available.
             */
            expiresAt?: string | null;
            /**
             * Format: guid
             * @description A self-defined UUIDv7 may be provided to support idempotent additions of transmission attachments. If not provided, a new UUIDv7 will be generated.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string | null;
            /**
             * @description The logical name of the attachment.
             * @example receipt
             */
            name?: string | null;
            /** @description The URLs associated with the attachment, each referring to a different representation of the attachment. */
            urls?: components["schemas"]["V1ServiceOwnerDialogsCommandsUpdateTransmission_TransmissionAttachmentUrl"][] | null;
        };
        V1ServiceOwnerDialogsCommandsUpdateTransmission_TransmissionAttachmentUrl: {
            /** @description The type of consumer the URL is intended for. */
            consumerType?: components["schemas"]["Attachments_AttachmentUrlConsumerType"];
            /**
             * @description The media type of the attachment.
             * @example application/pdf
             *     application/zip
             */
            mediaType?: string | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the attachment.
             */
            url?: string;
        };
        V1ServiceOwnerDialogsCommandsUpdateTransmission_TransmissionContent: {
            /** @description Front-channel embedded content. Used to dynamically embed content in the frontend from an external URL. Must be HTTPS. */
            contentReference?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The transmission summary. */
            summary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The transmission title. Must be text/plain. */
            title?: components["schemas"]["V1CommonContent_ContentValue"];
        };
        V1ServiceOwnerDialogsCommandsUpdateTransmission_TransmissionNavigationalAction: {
            /**
             * Format: date-time
             * @description The UTC timestamp when the navigational action expires and is no longer available.
             */
            expiresAt?: string | null;
            /** @description The title of the navigational action. */
            title?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the navigational action.
             */
            url?: string;
        };
        V1ServiceOwnerDialogsCommandsUpdateTransmission_TransmissionRequest: {
            /** @description The transmission-level attachments. */
            attachments?: components["schemas"]["V1ServiceOwnerDialogsCommandsUpdateTransmission_TransmissionAttachment"][] | null;
            /**
             * @description Contains an authorization resource attributeId, that can used in custom authorization rules in the XACML service
             *     policy, which by default is the policy belonging to the service referred to by "serviceResource" in the dialog.
             *
             *     Can also be used to refer to other service policies.
             * @example mycustomresource
             *     /* equivalent to the above *\/
             *     urn:altinn:subresource:mycustomresource
             *     urn:altinn:task:Task_1
             *     /* refer to another service *\/
             *     urn:altinn:resource:some-other-service-identifier
             */
            authorizationAttribute?: string | null;
            /** @description The transmission unstructured text content. */
            content?: components["schemas"]["V1ServiceOwnerDialogsCommandsUpdateTransmission_TransmissionContent"] | null;
            /**
             * Format: date-time
             * @description Overrides the creating date and time for the transmission.
             */
            createdAt?: string | null;
            /**
             * Format: uri
             * @description Arbitrary URI/URN describing a service-specific transmission type.
             *
             *     Refer to the service-specific documentation provided by the service owner for details (if in use).
             */
            extendedType?: string | null;
            /** @description Arbitrary string with a service-specific reference to an external system or service. */
            externalReference?: string | null;
            /** @description An optional key to ensure idempotency in transmission creation. If provided, it must be unique within the dialog; reusing the same key for the same dialog results in Conflict and the transmission is not updated. */
            idempotentKey?: string | null;
            isSilentUpdate?: boolean;
            /** @description The transmission-level navigational actions. */
            navigationalActions?: components["schemas"]["V1ServiceOwnerDialogsCommandsUpdateTransmission_TransmissionNavigationalAction"][] | null;
            /**
             * Format: guid
             * @description Reference to any other transmission that this transmission is related to.
             */
            relatedTransmissionId?: string | null;
            /** @description The actor that sent the transmission. */
            sender?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"];
            /** @description The type of transmission. */
            type?: components["schemas"]["DialogsEntitiesTransmissions_DialogTransmissionType"];
        };
        V1ServiceOwnerDialogsQueriesGet_Content: {
            /** @description Additional information about the dialog, this may contain Markdown. */
            additionalInfo?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description Used as the human-readable label used to describe the "ExtendedStatus" field. */
            extendedStatus?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /**
             * @description Front-channel embedded content. Used to dynamically embed content in the frontend from an external URL. Must be HTTPS.
             *     IsAuthorized is evaluated only when you use the EndUserId query-parameter, otherwise it is null.
             */
            mainContentReference?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /**
             * @description An optional non-sensitive summary of the dialog and its current state.
             *     Used for search and list views if the user authorization does not meet the required eIDAS level
             */
            nonSensitiveSummary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /**
             * @description An optional non-sensitive title of the dialog.
             *     Used for search and list views if the user authorization does not meet the required eIDAS level
             */
            nonSensitiveTitle?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description Overridden sender name. If not supplied, assume "org" as the sender name. */
            senderName?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description A short summary of the dialog and its current state. */
            summary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The title of the dialog. */
            title?: components["schemas"]["V1CommonContent_ContentValue"];
        };
        V1ServiceOwnerDialogsQueriesGet_Dialog: {
            /** @description An immutable list of activities associated with the dialog. */
            activities?: components["schemas"]["V1ServiceOwnerDialogsQueriesGet_DialogActivity"][] | null;
            /** @description The API actions associated with the dialog. Should be used in specialized, non-browser-based integrations. */
            apiActions?: components["schemas"]["V1ServiceOwnerDialogsQueriesGet_DialogApiAction"][] | null;
            /** @description The attachments associated with the dialog (on an aggregate level). */
            attachments?: components["schemas"]["V1ServiceOwnerDialogsQueriesGet_DialogAttachment"][] | null;
            /** @description The dialog unstructured text content. */
            content?: components["schemas"]["V1ServiceOwnerDialogsQueriesGet_Content"] | null;
            /**
             * Format: date-time
             * @description The date and time when the dialog content was last updated.
             * @example 2022-12-31T23:59:59Z
             */
            contentUpdatedAt?: string;
            /**
             * Format: date-time
             * @description The date and time when the dialog was created.
             * @example 2022-12-31T23:59:59Z
             */
            createdAt?: string;
            /**
             * Format: date-time
             * @description If deleted, the date and time when the deletion was performed.
             */
            deletedAt?: string | null;
            /**
             * Format: date-time
             * @description The due date for the dialog. Dialogs past due date might be marked as such in frontends but will still be available.
             * @example 2022-12-31T23:59:59Z
             */
            dueAt?: string | null;
            /** @description Metadata about the dialog owned by end-users. */
            endUserContext?: components["schemas"]["V1ServiceOwnerDialogsQueriesGet_DialogEndUserContext"];
            /**
             * Format: date-time
             * @description The expiration date for the dialog. This is the last date when the dialog is available for the end user.
             *
             *     After this date is passed, the dialog will be considered expired and no longer available for the end user in any
             *     API. If not supplied, the dialog will be considered to never expire. This field can be changed by the service
             *     owner after the dialog has been created.
             * @example 2022-12-31T23:59:59Z
             */
            expiresAt?: string | null;
            /**
             * @description Arbitrary string with a service-specific indicator of status, typically used to indicate a fine-grained state of
             *     the dialog to further specify the "status" enum.
             *
             *     Refer to the service-specific documentation provided by the service owner for details on the possible values (if
             *     in use).
             */
            extendedStatus?: string | null;
            /**
             * @description Arbitrary string with a service-specific reference to an external system or service.
             *
             *     Refer to the service-specific documentation provided by the service owner for details (if in use).
             */
            externalReference?: string | null;
            /**
             * Format: int32
             * @description The number of transmissions sent by a party representative.
             */
            fromPartyTransmissionsCount?: number;
            /**
             * Format: int32
             * @description The number of transmissions sent by the service owner.
             */
            fromServiceOwnerTransmissionsCount?: number;
            /** @description The GUI actions associated with the dialog. Should be used in browser-based interactive frontends. */
            guiActions?: components["schemas"]["V1ServiceOwnerDialogsQueriesGet_DialogGuiAction"][] | null;
            /**
             * @description Whether the service owner has not yet reported all dialog Transmissions they sent as seen by the end user.
             *     A Transmission is considered "sent from the service owner" if the DialogTransmissionType is not one of Submission or Correction.
             *
             *     The value of this field is:
             *     - true when there are any new unopened Transmissions sent from the service owner.
             *     - false when the service owner has created an Activity of type TransmissionOpened for all Transmissions sent from the service owner. The Activities must each contain the relevant Id for all relevant Transmissions.
             *
             *     Note that the value is
             *     - determined by the service owner and not to be confused with IsContentSeen
             *     - not affected by SystemLabels
             *
             *     For correspondence: HasUnopenedContent is still true until the service owner also adds a Dialog level Activity (no transmission id) of type CorrespondenceOpened
             */
            hasUnopenedContent?: boolean;
            /**
             * Format: guid
             * @description The unique identifier for the dialog in UUIDv7 format.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string;
            /** @description An optional key to ensure idempotency in dialog creation. If provided, it allows for the safe re-submission of the same dialog creation request without creating duplicate entries. */
            idempotentKey?: string | null;
            /** @description Indicates if this dialog is intended for API consumption only and should not be shown in frontends aimed at humans. */
            isApiOnly?: boolean;
            /**
             * @description Indicates whether a dialog has been seen since its last content update.
             *
             *     The value of this field is
             *     - true if the dialog has been retrieved since its last content update by either GET /enduser/dialogs/{dialogId} or GET /serviceowner/dialogs/{dialogId}?EndUserId={userId} and there is no SystemLabels MarkedAsUnopened
             *     - false if there is a SystemLabels MarkedAsUnopened, even if the dialog has been seen since its last content update
             *     - false after the dialog receives a content update.
             *
             *     Note that the value is determined by Dialogporten and not to be confused with HasUnopenedContent
             */
            isContentSeen?: boolean;
            /**
             * @description The service owner code representing the organization (service owner) related to this dialog.
             * @example ske
             */
            org?: string;
            /**
             * @description The party code representing the organization or person that the dialog belongs to in URN format.
             * @example urn:altinn:person:identifier-no:01125512345
             *     urn:altinn:organization:identifier-no:912345678
             */
            party?: string;
            /** @description Optional preceding process identifier to indicate the business process that preceded the process indicated in the "Process" field. Cannot be set without also "Process" being set. */
            precedingProcess?: string | null;
            /** @description Optional process identifier used to indicate a business process this dialog belongs to. */
            process?: string | null;
            /**
             * Format: int32
             * @description Advisory indicator of progress, represented as 1-100 percentage value. 100% representing a dialog that has come
             *     to a natural completion (successful or not).
             */
            progress?: number | null;
            /**
             * Format: guid
             * @description The unique identifier for the revision in UUIDv4 format.
             * @example a312cb9c-7632-43c2-aa38-69b06aed56ca
             */
            revision?: string;
            /** @description The list of words (tags) that will be used in dialog search queries. Not visible in end-user DTO. */
            searchTags?: components["schemas"]["V1ServiceOwnerDialogsQueriesGet_Tag"][] | null;
            /** @description The list of seen log entries for the dialog newer than the dialog ContentUpdatedAt date. */
            seenSinceLastContentUpdate?: components["schemas"]["V1ServiceOwnerDialogsQueriesGet_DialogSeenLog"][] | null;
            /** @description The list of seen log entries for the dialog newer than the dialog UpdatedAt date. */
            seenSinceLastUpdate?: components["schemas"]["V1ServiceOwnerDialogsQueriesGet_DialogSeenLog"][] | null;
            /** @description Metadata about the dialog owned by the service owner. */
            serviceOwnerContext?: components["schemas"]["V1ServiceOwnerDialogsQueriesGet_DialogServiceOwnerContext"];
            /**
             * @description The service identifier for the service that the dialog is related to in URN-format.
             *     This corresponds to a service resource in the Altinn Resource Registry.
             * @example urn:altinn:resource:some-service-identifier
             */
            serviceResource?: string;
            /** @description The ServiceResource type, as defined in Altinn Resource Registry (see ResourceType). */
            serviceResourceType?: string;
            /** @description The aggregated status of the dialog. */
            status?: components["schemas"]["DialogsEntities_DialogStatus"];
            /**
             * @deprecated
             * @description System defined label used to categorize dialogs.
             *     This is obsolete and will only show; Default, Bin or Archive.
             *     Use SystemLabels on EndUserContext instead.
             */
            systemLabel?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"];
            /** @description The immutable list of transmissions associated with the dialog. */
            transmissions?: components["schemas"]["V1ServiceOwnerDialogsQueriesGet_DialogTransmission"][] | null;
            /**
             * Format: date-time
             * @description The date and time when the dialog was last updated.
             * @example 2022-12-31T23:59:59Z
             */
            updatedAt?: string;
            /**
             * Format: date-time
             * @description The timestamp when the dialog will be made visible for authorized end users.
             * @example 2022-12-31T23:59:59Z
             */
            visibleFrom?: string | null;
        };
        V1ServiceOwnerDialogsQueriesGet_DialogActivity: {
            /**
             * Format: date-time
             * @description The date and time when the activity was created.
             */
            createdAt?: string | null;
            /** @description Unstructured text describing the activity. Only set if the activity type is "Information". */
            description?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description An arbitrary URI/URN with a service-specific activity type.
             *
             *     Consult the service-specific documentation provided by the service owner for details (if in use).
             */
            extendedType?: string | null;
            /**
             * Format: guid
             * @description The unique identifier for the activity in UUIDv7 format.
             */
            id?: string;
            /** @description The actor that performed the activity. */
            performedBy?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"];
            /**
             * Format: guid
             * @description If the activity is related to a particular transmission, this field will contain the transmission identifier.
             */
            transmissionId?: string | null;
            /** @description The type of activity. */
            type?: components["schemas"]["DialogsEntitiesActivities_DialogActivityType"];
        };
        V1ServiceOwnerDialogsQueriesGet_DialogApiAction: {
            /**
             * @description String identifier for the action, corresponding to the "action" attributeId used in the XACML service policy,
             *     which by default is the policy belonging to the service referred to by "serviceResource" in the dialog.
             * @example write
             */
            action?: string;
            /**
             * @description Contains an authorization resource attributeId, that can used in custom authorization rules in the XACML service
             *     policy, which by default is the policy belonging to the service referred to by "serviceResource" in the dialog.
             *
             *     Can also be used to refer to other service policies.
             * @example mycustomresource
             *     /* equivalent to the above *\/
             *     urn:altinn:subresource:mycustomresource
             *     urn:altinn:task:Task_1
             *     /* refer to another service *\/
             *     urn:altinn:resource:some-other-service-identifier
             */
            authorizationAttribute?: string | null;
            /** @description The endpoints associated with the action. */
            endpoints?: components["schemas"]["V1ServiceOwnerDialogsQueriesGet_DialogApiActionEndpoint"][] | null;
            /**
             * Format: guid
             * @description The unique identifier for the action in UUIDv7 format.
             */
            id?: string;
            /** @description True if the authenticated user (set in the query) is authorized for this action. */
            isAuthorized?: boolean | null;
            /**
             * @description The logical name of the operation the API action refers to.
             * @example confirm
             */
            name?: string | null;
        };
        V1ServiceOwnerDialogsQueriesGet_DialogApiActionEndpoint: {
            /** @description Boolean indicating if the endpoint is deprecated. Integrators should migrate to endpoints with a higher version. */
            deprecated?: boolean;
            /**
             * Format: uri
             * @description Link to service provider documentation for the endpoint. Used for service owners to provide documentation for
             *     integrators. Should be a URL to a human-readable page.
             */
            documentationUrl?: string | null;
            /** @description The HTTP method that the endpoint expects for this action. */
            httpMethod?: components["schemas"]["Http_HttpVerb"];
            /**
             * Format: guid
             * @description The unique identifier for the endpoint in UUIDv7 format.
             */
            id?: string;
            /**
             * Format: uri
             * @description Link to the request schema for the endpoint. Used by service owners to provide documentation for integrators.
             *     Dialogporten will not validate information on this endpoint.
             */
            requestSchema?: string | null;
            /**
             * Format: uri
             * @description Link to the response schema for the endpoint. Used for service owners to provide documentation for integrators.
             *     Dialogporten will not validate information on this endpoint.
             */
            responseSchema?: string | null;
            /**
             * Format: date-time
             * @description Date and time when the service owner has indicated that endpoint will no longer function. Only set if the endpoint
             *     is deprecated. Dialogporten will not enforce this date.
             */
            sunsetAt?: string | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the API endpoint.
             */
            url?: string;
            /**
             * @description Arbitrary string indicating the version of the endpoint.
             *
             *     Consult the service-specific documentation provided by the service owner for details (if in use).
             */
            version?: string | null;
        };
        V1ServiceOwnerDialogsQueriesGet_DialogAttachment: {
            /** @description The display name of the attachment that should be used in GUIs. */
            displayName?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: date-time
             * @description The UTC timestamp when the attachment expires and is no longer available.
             */
            expiresAt?: string | null;
            /**
             * Format: guid
             * @description The unique identifier for the attachment in UUIDv7 format.
             */
            id?: string;
            /**
             * @description The logical name of the attachment.
             * @example receipt
             */
            name?: string | null;
            /** @description The URLs associated with the attachment, each referring to a different representation of the attachment. */
            urls?: components["schemas"]["V1ServiceOwnerDialogsQueriesGet_DialogAttachmentUrl"][] | null;
        };
        V1ServiceOwnerDialogsQueriesGet_DialogAttachmentUrl: {
            /** @description What type of consumer the URL is intended for. */
            consumerType?: components["schemas"]["Attachments_AttachmentUrlConsumerType"];
            /**
             * Format: guid
             * @description The unique identifier for the attachment URL in UUIDv7 format.
             */
            id?: string;
            /**
             * @description The media type of the attachment.
             * @example application/pdf
             *     application/zip
             */
            mediaType?: string | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the attachment.
             * @example https://someendpoint.com/someattachment.pdf
             */
            url?: string;
        };
        V1ServiceOwnerDialogsQueriesGet_DialogEndUserContext: {
            /**
             * Format: guid
             * @description The unique identifier for the end user context revision in UUIDv4 format.
             * @example 0196fccd-bf48-7d27-bdfc-4ad3b0f3bee5
             */
            revision?: string;
            /** @description System defined labels used to categorize dialogs. */
            systemLabels?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
        };
        V1ServiceOwnerDialogsQueriesGet_DialogGuiAction: {
            /** @description The action identifier for the action, corresponding to the "action" attributeId used in the XACML service policy. */
            action?: string;
            /**
             * @description Contains an authorization resource attributeId, that can used in custom authorization rules in the XACML service
             *     policy, which by default is the policy belonging to the service referred to by "serviceResource" in the dialog.
             *
             *     Can also be used to refer to other service policies.
             * @example mycustomresource
             *     /* equivalent to the above *\/
             *     urn:altinn:subresource:mycustomresource
             *     urn:altinn:task:Task_1
             *     /* refer to another service *\/
             *     urn:altinn:resource:some-other-service-identifier
             */
            authorizationAttribute?: string | null;
            /** @description The HTTP method that the frontend should use when redirecting the user. */
            httpMethod?: components["schemas"]["Http_HttpVerb"];
            /**
             * Format: guid
             * @description The unique identifier for the action in UUIDv7 format.
             */
            id?: string;
            /** @description Whether the user, if supplied in the query, is authorized to perform the action. */
            isAuthorized?: boolean | null;
            /**
             * @description Indicates whether the action results in the dialog being deleted. Used by frontends to implement custom UX
             *     for delete actions.
             */
            isDeleteDialogAction?: boolean;
            /**
             * @description Indicates a priority for the action, making it possible for frontends to adapt GUI elements based on action
             *     priority.
             */
            priority?: components["schemas"]["DialogsEntitiesActions_DialogGuiActionPriority"];
            /**
             * @description If there should be a prompt asking the user for confirmation before the action is executed,
             *     this field should contain the prompt text.
             */
            prompt?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /** @description The title of the action, this should be short and in verb form. */
            title?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the action, to which the user will be redirected when the action is triggered.
             */
            url?: string;
        };
        V1ServiceOwnerDialogsQueriesGet_DialogSeenLog: {
            /**
             * Format: guid
             * @description The unique identifier for the seen log entry in UUIDv7 format.
             */
            id?: string;
            /** @description Flag indicating whether the seen log entry was created by the current end user, if provided in the query. */
            isCurrentEndUser?: boolean;
            /**
             * @description Flag indicating whether the seen log entry was created via the service owner.
             *
             *     This is used when the service owner uses the service owner API to implement its own frontend.
             */
            isViaServiceOwner?: boolean | null;
            /**
             * Format: date-time
             * @description The timestamp when the dialog revision was seen.
             */
            seenAt?: string;
            /** @description The actor that saw the dialog revision. */
            seenBy?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"];
        };
        V1ServiceOwnerDialogsQueriesGet_DialogServiceOwnerContext: {
            /**
             * Format: guid
             * @description The unique identifier for the service owner context revision in UUIDv4 format.
             * @example 0196fccd-bf48-7d27-bdfc-4ad3b0f3bee5
             */
            revision?: string;
            /** @description A list of labels, not visible in end-user APIs. */
            serviceOwnerLabels?: components["schemas"]["V1ServiceOwnerDialogsQueriesGet_DialogServiceOwnerLabel"][] | null;
        };
        V1ServiceOwnerDialogsQueriesGet_DialogServiceOwnerLabel: {
            /** @description A label value. */
            value?: string;
        };
        V1ServiceOwnerDialogsQueriesGet_DialogTransmission: {
            /** @description The transmission-level attachments. */
            attachments?: components["schemas"]["V1ServiceOwnerDialogsQueriesGet_DialogTransmissionAttachment"][] | null;
            /**
             * @description Contains an authorization resource attributeId, that can used in custom authorization rules in the XACML service
             *     policy, which by default is the policy belonging to the service referred to by "serviceResource" in the dialog.
             *
             *     Can also be used to refer to other service policies.
             * @example mycustomresource
             *     /* equivalent to the above *\/
             *     urn:altinn:subresource:mycustomresource
             *     urn:altinn:task:Task_1
             *     /* refer to another service *\/
             *     urn:altinn:resource:some-other-service-identifier
             */
            authorizationAttribute?: string | null;
            /** @description The transmission unstructured text content. */
            content?: components["schemas"]["V1ServiceOwnerDialogsQueriesGet_DialogTransmissionContent"];
            /**
             * Format: date-time
             * @description The date and time when the transmission was created.
             */
            createdAt?: string;
            /**
             * Format: uri
             * @description Arbitrary URI/URN describing a service-specific transmission type.
             *
             *     Refer to the service-specific documentation provided by the service owner for details (if in use).
             */
            extendedType?: string | null;
            /** @description Arbitrary string with a service-specific reference to an external system or service. */
            externalReference?: string | null;
            /**
             * Format: guid
             * @description The unique identifier for the transmission in UUIDv7 format.
             */
            id?: string;
            /** @description An optional key to ensure idempotency in transmission creation. If provided, it must be unique within the dialog; reusing the same key for the same dialog results in Conflict and no new transmission is created. */
            idempotentKey?: string | null;
            /** @description Flag indicating if the authenticated user supplied in the query is authorized for this transmission. */
            isAuthorized?: boolean | null;
            /** @description Indicates whether the dialog transmission has been opened. */
            isOpened?: boolean;
            /** @description The transmission-level navigational actions. */
            navigationalActions?: components["schemas"]["V1ServiceOwnerDialogsQueriesGet_DialogTransmissionNavigationalAction"][] | null;
            /**
             * Format: guid
             * @description Reference to any other transmission that this transmission is related to.
             */
            relatedTransmissionId?: string | null;
            /** @description The actor that sent the transmission. */
            sender?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"];
            /** @description The type of transmission. */
            type?: components["schemas"]["DialogsEntitiesTransmissions_DialogTransmissionType"];
        };
        V1ServiceOwnerDialogsQueriesGet_DialogTransmissionAttachment: {
            /** @description The display name of the attachment that should be used in GUIs. */
            displayName?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: date-time
             * @description The UTC timestamp when the attachment expires and is no longer available.
             */
            expiresAt?: string | null;
            /**
             * Format: guid
             * @description The unique identifier for the attachment in UUIDv7 format.
             */
            id?: string;
            /**
             * @description The logical name of the attachment.
             * @example receipt
             */
            name?: string | null;
            /** @description The URLs associated with the attachment, each referring to a different representation of the attachment. */
            urls?: components["schemas"]["V1ServiceOwnerDialogsQueriesGet_DialogTransmissionAttachmentUrl"][] | null;
        };
        V1ServiceOwnerDialogsQueriesGet_DialogTransmissionAttachmentUrl: {
            /** @description The type of consumer the URL is intended for. */
            consumerType?: components["schemas"]["Attachments_AttachmentUrlConsumerType"];
            /**
             * Format: guid
             * @description The unique identifier for the attachment URL in UUIDv7 format.
             */
            id?: string;
            /**
             * @description The media type of the attachment.
             * @example application/pdf
             *     application/zip
             */
            mediaType?: string | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the attachment. Will be set to "urn:dialogporten:unauthorized" if the user is
             *     not authorized to access the transmission.
             * @example https://someendpoint.com/someattachment.pdf
             *     urn:dialogporten:unauthorized
             */
            url?: string;
        };
        V1ServiceOwnerDialogsQueriesGet_DialogTransmissionContent: {
            /** @description Front-channel embedded content. Used to dynamically embed content in the frontend from an external URL. Must be HTTPS. */
            contentReference?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The transmission summary. */
            summary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The transmission title. */
            title?: components["schemas"]["V1CommonContent_ContentValue"];
        };
        V1ServiceOwnerDialogsQueriesGet_DialogTransmissionNavigationalAction: {
            /**
             * Format: date-time
             * @description The UTC timestamp when the navigational action expires and is no longer available.
             */
            expiresAt?: string | null;
            /** @description The title of the navigational action. */
            title?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the navigational action.
             * @example https://example.com/path
             */
            url?: string;
        };
        V1ServiceOwnerDialogsQueriesGet_Tag: {
            /** @description A search tag value. */
            value?: string;
        };
        V1ServiceOwnerDialogsQueriesGetActivity_Activity: {
            /** Format: date-time */
            createdAt?: string | null;
            description?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /** Format: uri */
            extendedType?: string | null;
            /** Format: guid */
            id?: string;
            performedBy?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"];
            /** Format: guid */
            transmissionId?: string | null;
            type?: components["schemas"]["DialogsEntitiesActivities_DialogActivityType"];
        };
        V1ServiceOwnerDialogsQueriesGetSeenLog_SeenLog: {
            /** Format: guid */
            id?: string;
            isViaServiceOwner?: boolean | null;
            /** Format: date-time */
            seenAt?: string;
            seenBy?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"];
        };
        V1ServiceOwnerDialogsQueriesGetTransmission_Attachment: {
            /** @description The display name of the attachment that should be used in GUIs. */
            displayName?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: date-time
             * @description The UTC timestamp when the attachment expires and is no longer available.
             */
            expiresAt?: string | null;
            /**
             * Format: guid
             * @description The unique identifier for the attachment in UUIDv7 format.
             */
            id?: string;
            /**
             * @description The logical name of the attachment.
             * @example receipt
             */
            name?: string | null;
            /** @description The URLs associated with the attachment, each referring to a different representation of the attachment. */
            urls?: components["schemas"]["V1ServiceOwnerDialogsQueriesGetTransmission_AttachmentUrl"][] | null;
        };
        V1ServiceOwnerDialogsQueriesGetTransmission_AttachmentUrl: {
            /** @description The type of consumer the URL is intended for. */
            consumerType?: components["schemas"]["Attachments_AttachmentUrlConsumerType"];
            /**
             * Format: guid
             * @description The unique identifier for the attachment URL in UUIDv7 format.
             */
            id?: string;
            /**
             * @description The media type of the attachment.
             * @example application/pdf
             *     application/zip
             */
            mediaType?: string | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the attachment. Will be set to "urn:dialogporten:unauthorized" if the user is
             *     not authorized to access the transmission.
             * @example https://someendpoint.com/someattachment.pdf
             *     urn:dialogporten:unauthorized
             */
            url?: string;
        };
        V1ServiceOwnerDialogsQueriesGetTransmission_Content: {
            /** @description Front-channel embedded content. Used to dynamically embed content in the frontend from an external URL. */
            contentReference?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The summary of the content. */
            summary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The title of the content. */
            title?: components["schemas"]["V1CommonContent_ContentValue"];
        };
        V1ServiceOwnerDialogsQueriesGetTransmission_NavigationalAction: {
            /**
             * Format: date-time
             * @description The UTC timestamp when the navigational action expires and is no longer available.
             */
            expiresAt?: string | null;
            /** @description The title of the navigational action. */
            title?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the navigational action.
             * @example https://example.com/path
             */
            url?: string;
        };
        V1ServiceOwnerDialogsQueriesGetTransmission_Transmission: {
            /** @description The attachments associated with the transmission. */
            attachments?: components["schemas"]["V1ServiceOwnerDialogsQueriesGetTransmission_Attachment"][] | null;
            /** @description The authorization attribute associated with the transmission. */
            authorizationAttribute?: string | null;
            /** @description The content of the transmission. */
            content?: components["schemas"]["V1ServiceOwnerDialogsQueriesGetTransmission_Content"];
            /**
             * Format: date-time
             * @description The date and time when the transmission was created.
             */
            createdAt?: string;
            /**
             * Format: uri
             * @description The extended type URI for the transmission.
             */
            extendedType?: string | null;
            /** @description Arbitrary string with a service-specific reference to an external system or service. */
            externalReference?: string | null;
            /**
             * Format: guid
             * @description The unique identifier for the transmission in UUIDv7 format.
             */
            id?: string;
            /** @description An optional key to ensure idempotency in transmission creation. If provided, it must be unique within the dialog; reusing the same key for the same dialog results in Conflict and no new transmission is created. */
            idempotentKey?: string | null;
            /** @description The navigational actions associated with the transmission. */
            navigationalActions?: components["schemas"]["V1ServiceOwnerDialogsQueriesGetTransmission_NavigationalAction"][] | null;
            /**
             * Format: guid
             * @description The unique identifier for the related transmission, if any.
             */
            relatedTransmissionId?: string | null;
            /** @description The sender actor information for the transmission. */
            sender?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"];
            /** @description The type of the transmission. */
            type?: components["schemas"]["DialogsEntitiesTransmissions_DialogTransmissionType"];
        };
        V1ServiceOwnerDialogsQueriesNotificationCondition_NotificationCondition: {
            sendNotification?: boolean;
        };
        /** @enum {string} */
        V1ServiceOwnerDialogsQueriesNotificationCondition_NotificationConditionType: "NotExists" | "Exists";
        V1ServiceOwnerDialogsQueriesSearch_Content: {
            /** @description Used as the human-readable label used to describe the "ExtendedStatus" field. */
            extendedStatus?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /**
             * @description An optional non-sensitive summary of the dialog and its current state.
             *     Used for search and list views if the user authorization does not meet the required eIDAS level
             */
            nonSensitiveSummary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /**
             * @description An optional non-sensitive title of the dialog.
             *     Used for search and list views if the user authorization does not meet the required eIDAS level
             */
            nonSensitiveTitle?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description Overridden sender name. If not supplied, assume "org" as the sender name. */
            senderName?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description A short summary of the dialog and its current state. */
            summary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The title of the dialog. */
            title?: components["schemas"]["V1CommonContent_ContentValue"];
        };
        V1ServiceOwnerDialogsQueriesSearch_Dialog: {
            /** @description The content of the dialog in search results. */
            content?: components["schemas"]["V1ServiceOwnerDialogsQueriesSearch_Content"] | null;
            /**
             * Format: date-time
             * @description The date and time when the dialog content was last updated.
             * @example 2022-12-31T23:59:59Z
             */
            contentUpdatedAt?: string;
            /**
             * Format: date-time
             * @description The date and time when the dialog was created.
             * @example 2022-12-31T23:59:59Z
             */
            createdAt?: string;
            /**
             * Format: date-time
             * @description If deleted, the date and time when the deletion was performed.
             */
            deletedAt?: string | null;
            /**
             * Format: date-time
             * @description The due date for the dialog. This is the last date when the dialog is expected to be completed.
             * @example 2022-12-31T23:59:59Z
             */
            dueAt?: string | null;
            /** @description Metadata about the dialog owned by end-users. */
            endUserContext?: components["schemas"]["V1ServiceOwnerDialogsQueriesSearch_DialogEndUserContext"];
            /**
             * @description Arbitrary string with a service-specific indicator of status, typically used to indicate a fine-grained state of
             *     the dialog to further specify the "status" enum.
             *
             *     Refer to the service-specific documentation provided by the service owner for details on the possible values (if
             *     in use).
             */
            extendedStatus?: string | null;
            /**
             * @description Arbitrary string with a service-specific reference to an external system or service.
             *
             *     Refer to the service-specific documentation provided by the service owner for details (if in use).
             */
            externalReference?: string | null;
            /**
             * Format: int32
             * @description The number of transmissions sent by a party representative
             */
            fromPartyTransmissionsCount?: number;
            /**
             * Format: int32
             * @description The number of transmissions sent by a service owner
             */
            fromServiceOwnerTransmissionsCount?: number;
            /**
             * Format: int32
             * @description The number of attachments in the dialog made available for browser-based frontends.
             */
            guiAttachmentCount?: number | null;
            /**
             * @description Whether the service owner has not yet reported all dialog Transmissions they sent as seen by the end user.
             *     A Transmission is considered "sent from the service owner" if the DialogTransmissionType is not one of Submission or Correction.
             *
             *     The value of this field is:
             *     - true when there are any new unopened Transmissions sent from the service owner.
             *     - false when the service owner has created an Activity of type TransmissionOpened for all Transmissions sent from the service owner. The Activities must each contain the relevant Id for all relevant Transmissions.
             *
             *     Note that the value is
             *     - determined by the service owner and not to be confused with IsContentSeen
             *     - not affected by SystemLabels
             *
             *     For correspondence: HasUnopenedContent is still true until the service owner also adds a Dialog level Activity (no transmission id) of type CorrespondenceOpened
             */
            hasUnopenedContent?: boolean;
            /**
             * Format: guid
             * @description The unique identifier for the dialog in UUIDv7 format.
             * @example 01913cd5-784f-7d3b-abef-4c77b1f0972d
             */
            id?: string;
            /** @description Indicates if this dialog is intended for API consumption only and should not be shown in frontends aimed at humans. */
            isApiOnly?: boolean;
            /**
             * @description Indicates whether a dialog has been seen since its last content update.
             *
             *     The value of this field is
             *     - true if the dialog has been retrieved since its last content update by either GET /enduser/dialogs/{dialogId} or GET /serviceowner/dialogs/{dialogId}?EndUserId={userId} and there is no SystemLabels MarkedAsUnopened
             *     - false if there is a SystemLabels MarkedAsUnopened, even if the dialog has been seen since its last content update
             *     - false after the dialog receives a content update.
             *
             *     Note that the value is determined by Dialogporten and not to be confused with HasUnopenedContent
             */
            isContentSeen?: boolean;
            /** @description The latest entry in the dialog's activity log. */
            latestActivity?: components["schemas"]["V1ServiceOwnerDialogsQueriesSearch_DialogActivity"] | null;
            /**
             * @description The service owner code representing the organization (service owner) related to this dialog.
             * @example ske
             */
            org?: string;
            /**
             * @description The party code representing the organization or person that the dialog belongs to in URN format.
             * @example urn:altinn:person:identifier-no:01125512345
             *     urn:altinn:organization:identifier-no:912345678
             */
            party?: string;
            /** @description Optional preceding process identifier to indicate the business process that preceded the process indicated in the "Process" field. Cannot be set without also "Process" being set. */
            precedingProcess?: string | null;
            /** @description Optional process identifier used to indicate a business process this dialog belongs to. */
            process?: string | null;
            /**
             * Format: int32
             * @description Advisory indicator of progress, represented as 1-100 percentage value. 100% representing a dialog that has come
             *     to a natural completion (successful or not).
             */
            progress?: number | null;
            /**
             * Format: guid
             * @description The unique identifier for the revision in UUIDv4 format.
             * @example a312cb9c-7632-43c2-aa38-69b06aed56ca
             */
            revision?: string;
            /** @description The list of seen log entries for the dialog newer than the dialog ContentUpdatedAt date. */
            seenSinceLastContentUpdate?: components["schemas"]["V1ServiceOwnerDialogsQueriesSearch_DialogSeenLog"][] | null;
            /** @description The list of seen log entries for the dialog newer than the dialog UpdatedAt date. */
            seenSinceLastUpdate?: components["schemas"]["V1ServiceOwnerDialogsQueriesSearch_DialogSeenLog"][] | null;
            /** @description Metadata about the dialog owned by the service owner. */
            serviceOwnerContext?: components["schemas"]["V1ServiceOwnerDialogsQueriesSearch_DialogServiceOwnerContext"];
            /**
             * @description The service identifier for the service that the dialog is related to in URN-format.
             *     This corresponds to a service resource in the Altinn Resource Registry.
             * @example urn:altinn:resource:some-service-identifier
             */
            serviceResource?: string;
            /** @description The ServiceResource type, as defined in Altinn Resource Registry (see ResourceType). */
            serviceResourceType?: string;
            /** @description The aggregated status of the dialog. */
            status?: components["schemas"]["DialogsEntities_DialogStatus"];
            /**
             * @deprecated
             * @description System defined label used to categorize dialogs.
             *     This is obsolete and will only show; Default, Bin or Archive.
             *     Use SystemLabels on EndUserContext instead.
             */
            systemLabel?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"];
            /**
             * Format: date-time
             * @description The date and time when the dialog was last updated.
             * @example 2022-12-31T23:59:59Z
             */
            updatedAt?: string;
            /**
             * Format: date-time
             * @description The timestamp when the dialog will be made visible for authorized end users.
             */
            visibleFrom?: string | null;
        };
        V1ServiceOwnerDialogsQueriesSearch_DialogActivity: {
            /**
             * Format: date-time
             * @description The date and time when the activity was created.
             */
            createdAt?: string | null;
            /** @description Unstructured text describing the activity. Only set if the activity type is "Information". */
            description?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description An arbitrary string with a service-specific activity type.
             *
             *     Consult the service-specific documentation provided by the service owner for details (if in use).
             */
            extendedType?: string | null;
            /**
             * Format: guid
             * @description The unique identifier for the activity in UUIDv7 format.
             */
            id?: string;
            /** @description The actor that performed the activity. */
            performedBy?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"];
            /**
             * Format: guid
             * @description If the activity is related to a particular transmission, this field will contain the transmission identifier.
             */
            transmissionId?: string | null;
            /** @description The type of activity. */
            type?: components["schemas"]["DialogsEntitiesActivities_DialogActivityType"];
        };
        V1ServiceOwnerDialogsQueriesSearch_DialogEndUserContext: {
            /**
             * Format: guid
             * @description The unique identifier for the end user context revision in UUIDv4 format.
             * @example 0196fccd-bf48-7d27-bdfc-4ad3b0f3bee5
             */
            revision?: string;
            /** @description System defined labels used to categorize dialogs. */
            systemLabels?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
        };
        V1ServiceOwnerDialogsQueriesSearch_DialogSeenLog: {
            /**
             * Format: guid
             * @description The unique identifier for the seen log entry in UUIDv7 format.
             */
            id?: string;
            /** @description Flag indicating whether the seen log entry was created by the end user supplied in the query. */
            isCurrentEndUser?: boolean;
            /**
             * @description Flag indicating whether the seen log entry was created via the service owner.
             *
             *     This is used when the service owner uses the service owner API to implement its own frontend.
             */
            isViaServiceOwner?: boolean | null;
            /**
             * Format: date-time
             * @description The timestamp when the dialog revision was seen.
             */
            seenAt?: string;
            /** @description The actor that saw the dialog revision. */
            seenBy?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"];
        };
        V1ServiceOwnerDialogsQueriesSearch_DialogServiceOwnerContext: {
            /**
             * Format: guid
             * @description The unique identifier for the service owner context revision in UUIDv4 format.
             * @example 0196fccd-bf48-7d27-bdfc-4ad3b0f3bee5
             */
            revision?: string;
            /** @description A list of labels, not visible in end-user APIs. */
            serviceOwnerLabels?: components["schemas"]["V1ServiceOwnerDialogsQueriesSearch_ServiceOwnerLabel"][] | null;
        };
        V1ServiceOwnerDialogsQueriesSearch_ServiceOwnerLabel: {
            /** @description A label value. */
            value?: string;
        };
        V1ServiceOwnerDialogsQueriesSearchActivities_Activity: {
            /** Format: date-time */
            createdAt?: string;
            /** Format: uri */
            extendedType?: string | null;
            /** Format: guid */
            id?: string;
            /** Format: guid */
            transmissionId?: string | null;
            type?: components["schemas"]["DialogsEntitiesActivities_DialogActivityType"];
        };
        V1ServiceOwnerDialogsQueriesSearchEndUserContext_DialogEndUserContextItem: {
            /** Format: guid */
            dialogId?: string;
            /** Format: guid */
            endUserContextRevision?: string;
            systemLabels?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
        };
        V1ServiceOwnerDialogsQueriesSearchSeenLogs_SeenLog: {
            /** Format: guid */
            id?: string;
            isViaServiceOwner?: boolean | null;
            /** Format: date-time */
            seenAt?: string;
            seenBy?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"];
        };
        V1ServiceOwnerDialogsQueriesSearchTransmissions_Attachment: {
            /** @description The display name of the attachment that should be used in GUIs. */
            displayName?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: date-time
             * @description The UTC timestamp when the attachment expires and is no longer available.
             */
            expiresAt?: string | null;
            /**
             * Format: guid
             * @description The unique identifier for the attachment in UUIDv7 format.
             */
            id?: string;
            /**
             * @description The logical name of the attachment.
             * @example receipt
             */
            name?: string | null;
            /** @description The URLs associated with the attachment, each referring to a different representation of the attachment. */
            urls?: components["schemas"]["V1ServiceOwnerDialogsQueriesSearchTransmissions_AttachmentUrl"][] | null;
        };
        V1ServiceOwnerDialogsQueriesSearchTransmissions_AttachmentUrl: {
            /** @description The type of consumer the URL is intended for. */
            consumerType?: components["schemas"]["Attachments_AttachmentUrlConsumerType"];
            /**
             * Format: guid
             * @description The unique identifier for the attachment URL in UUIDv7 format.
             */
            id?: string;
            /**
             * @description The media type of the attachment.
             * @example application/pdf
             *     application/zip
             */
            mediaType?: string | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the attachment. Will be set to "urn:dialogporten:unauthorized" if the user is
             *     not authorized to access the transmission.
             * @example https://someendpoint.com/someattachment.pdf
             *     urn:dialogporten:unauthorized
             */
            url?: string;
        };
        V1ServiceOwnerDialogsQueriesSearchTransmissions_Content: {
            /** @description Front-channel embedded content. Used to dynamically embed content in the frontend from an external URL. */
            contentReference?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The summary of the content. */
            summary?: components["schemas"]["V1CommonContent_ContentValue"] | null;
            /** @description The title of the content. */
            title?: components["schemas"]["V1CommonContent_ContentValue"];
        };
        V1ServiceOwnerDialogsQueriesSearchTransmissions_NavigationalAction: {
            /**
             * Format: date-time
             * @description The UTC timestamp when the navigational action expires and is no longer available.
             */
            expiresAt?: string | null;
            /** @description The title of the navigational action. */
            title?: components["schemas"]["V1CommonLocalizations_Localization"][] | null;
            /**
             * Format: uri
             * @description The fully qualified URL of the navigational action.
             * @example https://example.com/path
             */
            url?: string;
        };
        V1ServiceOwnerDialogsQueriesSearchTransmissions_Transmission: {
            /** @description The attachments associated with the transmission. */
            attachments?: components["schemas"]["V1ServiceOwnerDialogsQueriesSearchTransmissions_Attachment"][] | null;
            /** @description The authorization attribute associated with the transmission. */
            authorizationAttribute?: string | null;
            /** @description The content of the transmission. */
            content?: components["schemas"]["V1ServiceOwnerDialogsQueriesSearchTransmissions_Content"];
            /**
             * Format: date-time
             * @description The date and time when the transmission was created.
             */
            createdAt?: string;
            /**
             * Format: uri
             * @description The extended type URI for the transmission.
             */
            extendedType?: string | null;
            /** @description Arbitrary string with a service-specific reference to an external system or service. */
            externalReference?: string | null;
            /**
             * Format: guid
             * @description The unique identifier for the transmission in UUIDv7 format.
             */
            id?: string;
            /** @description An optional key to ensure idempotency in transmission creation. If provided, it must be unique within the dialog; reusing the same key for the same dialog results in Conflict and no new transmission is created. */
            idempotentKey?: string | null;
            /** @description The navigational actions associated with the transmission. */
            navigationalActions?: components["schemas"]["V1ServiceOwnerDialogsQueriesSearchTransmissions_NavigationalAction"][] | null;
            /**
             * Format: guid
             * @description The unique identifier for the related transmission, if any.
             */
            relatedTransmissionId?: string | null;
            /** @description The sender actor information for the transmission. */
            sender?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"];
            /** @description The type of the transmission. */
            type?: components["schemas"]["DialogsEntitiesTransmissions_DialogTransmissionType"];
        };
        V1ServiceOwnerEndUserContextCommandsBulkSetSystemLabels_BulkSetDialogSystemLabelsRequest: {
            dto?: components["schemas"]["V1ServiceOwnerEndUserContextCommandsBulkSetSystemLabels_BulkSetSystemLabel"];
        };
        V1ServiceOwnerEndUserContextCommandsBulkSetSystemLabels_BulkSetSystemLabel: {
            /** @description List of system labels to add to the target dialogs. If multiple instances of 'bin', 'archive', or 'default' are provided, the last one will be used. */
            addLabels?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
            /** @description List of target dialog ids with optional revision ids */
            dialogs?: components["schemas"]["V1ServiceOwnerEndUserContextCommandsBulkSetSystemLabels_DialogRevision"][] | null;
            /** @description Optional actor metadata describing who performed the operation. Only available for admin-integrations when EndUserId is omitted. */
            performedBy?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"] | null;
            /** @description List of system labels to remove from the target dialogs. If 'bin' or 'archive' is removed, the 'default' label will be added automatically unless 'bin' or 'archive' is also in the AddLabels list. */
            removeLabels?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
            /**
             * @deprecated
             * @description List of system labels to set on target dialogs
             */
            systemLabels?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
        };
        V1ServiceOwnerEndUserContextCommandsBulkSetSystemLabels_DialogRevision: {
            /**
             * Format: guid
             * @description Target dialog id for system labels
             */
            dialogId?: string;
            /**
             * Format: guid
             * @description Optional end user context revision to match against. If supplied and not matching current revision, the entire operation will fail.
             */
            endUserContextRevision?: string | null;
        };
        V1ServiceOwnerEndUserContextCommandsSetSystemLabel_SetDialogSystemLabelRequest: {
            /** @description List of system labels to add to target dialogs. If multiple instances of 'bin', 'archive', or 'default' are provided, the last one will be used. */
            addLabels?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
            /** @description Optional actor metadata describing who performed the change. Only available for admin-integrations when EnduserId is omitted. */
            performedBy?: components["schemas"]["V1ServiceOwnerCommonActors_Actor"] | null;
            /** @description List of system labels to remove from target dialogs. If 'bin' or 'archive' is removed, the 'default' label will be added automatically unless 'bin' or 'archive' is also in the AddLabels list. */
            removeLabels?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
            /**
             * @deprecated
             * @description List of system labels to set on target dialogs
             */
            systemLabels?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
        };
        V1ServiceOwnerServiceOwnerContextCommandsCreateServiceOwnerLabel_Label: {
            value?: string;
        };
        V1ServiceOwnerServiceOwnerContextCommandsCreateServiceOwnerLabel_ServiceOwnerLabelRequest: {
            dto?: components["schemas"]["V1ServiceOwnerServiceOwnerContextCommandsCreateServiceOwnerLabel_Label"];
        };
        V1ServiceOwnerServiceOwnerContextQueriesGetServiceOwnerLabels_ServiceOwnerLabel: {
            /** @description A label value. */
            value?: string;
        };
        V1WellKnownJwksQueriesGet_Jwk: {
            alg?: string;
            crv?: string;
            kid?: string;
            kty?: string;
            use?: string;
            x?: string;
        };
        V1WellKnownJwksQueriesGet_Jwks: {
            keys?: components["schemas"]["V1WellKnownJwksQueriesGet_Jwk"][] | null;
        };
        V1WellKnownOauthAuthorizationServerQueriesGet_OauthAuthorizationServer: {
            issuer?: string;
            jwks_uri?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    V1WellKnownJwksGet_Jwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OAuth 2.0 Authorization Server Metadata */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1WellKnownJwksQueriesGet_Jwks"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1WellKnownOauthAuthorizationServerGet_OauthAuthorizationServer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OAuth 2.0 Authorization Server Metadata */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1WellKnownOauthAuthorizationServerQueriesGet_OauthAuthorizationServer"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1EndUserDialogLookupQueriesGet_DialogLookup: {
        parameters: {
            query: {
                instanceRef: string;
            };
            header?: {
                "accept-Language"?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully resolved dialog lookup metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1CommonIdentifierLookup_EndUserIdentifierLookup"];
                };
            };
            /** @description Validation error occurred. See problem details for a list of errors. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authenticated end user is not authorized for the supplied instance reference. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No dialog match was found for the supplied instance reference. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1EndUserDialogsQueriesSearch_Dialog: {
        parameters: {
            query?: {
                /** @description Filter by one or more service owner codes */
                org?: string[] | null;
                /** @description Filter by one or more service resources */
                serviceResource?: string[] | null;
                /** @description Filter by one or more owning parties */
                party?: string[] | null;
                /** @description Filter by one or more extended statuses */
                extendedStatus?: string[] | null;
                /** @description Filter by external reference */
                externalReference?: string | null;
                /** @description Filter by status */
                status?: components["schemas"]["DialogsEntities_DialogStatus"][] | null;
                /** @description Only return dialogs created after this date. For free text search this does not limit how much the search has to scan; use 'contentUpdatedAfter' to narrow a broad search and avoid a 422 timeout. */
                createdAfter?: string | null;
                /** @description Only return dialogs created before this date. For free text search this does not limit how much the search has to scan; use 'contentUpdatedAfter' to narrow a broad search and avoid a 422 timeout. */
                createdBefore?: string | null;
                /** @description Only return dialogs updated after this date. For free text search this does not limit how much the search has to scan; use 'contentUpdatedAfter' to narrow a broad search and avoid a 422 timeout. */
                updatedAfter?: string | null;
                /** @description Only return dialogs updated before this date. For free text search this does not limit how much the search has to scan; use 'contentUpdatedAfter' to narrow a broad search and avoid a 422 timeout. */
                updatedBefore?: string | null;
                /** @description Only return dialogs with content updated after this date. Recommended for free text search: this is the only date filter that limits how much a broad search has to scan. A broad search term without a 'contentUpdatedAfter' bound may exceed the server-side time limit and return 422 - narrow it with this filter (and/or fewer parties or a service resource). */
                contentUpdatedAfter?: string | null;
                /** @description Only return dialogs with content updated before this date. Unlike 'contentUpdatedAfter', this upper bound does not by itself limit how much a free text search has to scan. */
                contentUpdatedBefore?: string | null;
                /**
                 * @description Only return dialogs that have content that has/hasn't been seen.
                 *     If null, no filtering is applied
                 *     If true, returns dialogs that have been seen
                 *     If false, returns dialogs that have not been seen
                 *
                 *     A dialog's content is considered seen if:
                 *     - It has been visited by the GET .../dialogs/{dialogId} endpoint since the last content update, and
                 *     - It does not have a system label MarkedAsUnopened.
                 */
                isContentSeen?: boolean | null;
                /** @description Only return dialogs with due date after this date */
                dueAfter?: string | null;
                /** @description Only return dialogs with due date before this date */
                dueBefore?: string | null;
                /** @description Filter by process */
                process?: string | null;
                /** @description Filter by Display state */
                systemLabel?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
                /** @description Whether to exclude API-only dialogs from the results. Defaults to false. */
                excludeApiOnly?: boolean | null;
                /** @description Search string for free text search. Will attempt to fuzzily match in all free text fields in the aggregate */
                search?: string | null;
                /** @description Limit free text search to texts with this language code, e.g. 'nb', 'en'. Culture codes will be normalized to neutral language codes (ISO 639). Default: search all culture codes */
                searchLanguageCode?: string | null;
                /** @description Order the results by one or more fields. Defaults to "contentUpdatedAt" descending. For free text search, keeping the default "contentUpdatedAt" ordering together with "contentUpdatedAfter" gives the fastest results. */
                orderBy?: string | null;
                /** @description Supply "continuationToken" for the response to get the next page of results, if hasNextPage is true */
                continuationToken?: string | null;
                /** @description Limit the number of results per page (1-1000, default: 100) */
                limit?: number | null;
            };
            header?: {
                "accept-Language"?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the dialog list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedListOfV1EndUserDialogsQueriesSearch_Dialog"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Domain error occurred. See problem details for a list of errors. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1EndUserDialogsQueriesGet_Dialog: {
        parameters: {
            query?: never;
            header?: {
                "accept-Language"?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
            };
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the dialog aggregate. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1EndUserDialogsQueriesGet_Dialog"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to get the supplied dialog (not owned by authenticated organization or has additional scope requirements defined in policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1EndUserDialogsQueriesSearchActivities_DialogActivity: {
        parameters: {
            query?: never;
            header?: {
                "accept-Language"?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
            };
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the dialog activity list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1EndUserDialogsQueriesSearchActivities_Activity"][];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to get the supplied dialog (not owned by authenticated organization or has additional scope requirements defined in policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1EndUserDialogsQueriesGetActivity_DialogActivity: {
        parameters: {
            query?: never;
            header?: {
                "accept-Language"?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
            };
            path: {
                dialogId: string;
                activityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the dialog activity. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1EndUserDialogsQueriesGetActivity_Activity"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to get child entity for the given dialog (dialog not owned by authenticated organization or has additional scope requirements defined in service identifiers policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The specified dialog ID or activity ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1EndUserEndUserContextQueriesSearchLabelAssignmentLogs_DialogLabelAssignmentLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the dialog label assignment log list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1EndUserEndUserContextQueriesSearchLabelAssignmentLog_LabelAssignmentLog"][];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to get the supplied dialog (not owned by authenticated organization or has additional scope requirements defined in policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Entity with the given key(s) is removed. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1EndUserEndUserContextCommandsSetSystemLabel_SetDialogSystemLabels: {
        parameters: {
            query?: never;
            header?: {
                "if-Match"?: string | null;
            };
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["V1EndUserEndUserContextCommandsSetSystemLabel_SetDialogSystemLabelRequest"];
            };
        };
        responses: {
            /** @description The dialog system label was updated successfully. */
            204: {
                headers: {
                    /**
                     * @description The new UUID ETag of the dialog
                     * @example 123e4567-e89b-12d3-a456-426614174000
                     */
                    Etag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error occurred. See problem details for a list of errors. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to update the supplied dialog (not owned by authenticated organization or has additional scope requirements defined in policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict occurred while processing the request. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Entity with the given key(s) is removed. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The supplied If-Match header did not match the current Revision value for the dialog. The request was not applied. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Domain error occurred. See problem details for a list of errors. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1EndUserDialogsQueriesSearchSeenLogs_DialogSeenLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the dialog seen log records. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1EndUserDialogsQueriesSearchSeenLogs_SeenLog"][];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1EndUserDialogsQueriesGetSeenLog_DialogSeenLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dialogId: string;
                seenLogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the dialog seen log record. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1EndUserDialogsQueriesGetSeenLog_SeenLog"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1EndUserDialogsQueriesSearchTransmissions_DialogTransmission: {
        parameters: {
            query?: never;
            header?: {
                "accept-Language"?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
            };
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the dialog transmission list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1EndUserDialogsQueriesSearchTransmissions_Transmission"][];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to get the supplied dialog (not owned by authenticated organization or has additional scope requirements defined in policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Entity with the given key(s) is removed. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1EndUserDialogsQueriesGetTransmission_DialogTransmission: {
        parameters: {
            query?: never;
            header?: {
                "accept-Language"?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
            };
            path: {
                dialogId: string;
                transmissionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the dialog transmission. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1EndUserDialogsQueriesGetTransmission_Transmission"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to get child entity for the given dialog (dialog not owned by authenticated organization or has additional scope requirements defined in service identifiers policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The specified dialog ID or transmission ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Entity with the given key(s) is removed. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1EndUserEndUserContextCommandsBulkSetSystemLabels_BulkSetDialogSystemLabels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["V1EndUserEndUserContextCommandsBulkSetSystemLabels_BulkSetSystemLabel"];
            };
        };
        responses: {
            /** @description The dialog system labels was updated successfully. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error occurred. See problem details for a list of errors. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to update the supplied dialog (not owned by authenticated organization or has additional scope requirements defined in policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Conflict occurred while processing the request. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The supplied If-Match header did not match the current Revision value for the dialog. The request was not applied. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Domain error occurred. See problem details for a list of errors. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1EndUserAccessManagementQueriesGetParties_Parties: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list of authorized parties for the end user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1AccessManagementQueriesGetParties_Parties"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1EndUserServiceResourcesSearch_AuthorizedServiceResources: {
        parameters: {
            query?: {
                /** @description Filter by one or more party URNs. Parties the caller is not authorized for are silently ignored. */
                party?: string[] | null;
            };
            header?: {
                "accept-Language"?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Authorized service resource metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1EndUserServiceResourcesQueriesSearch_AuthorizedServiceResources"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1MetadataLimitsGet_Limits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The currently enforced application-level query limits. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1MetadataLimitsQueriesGet_Limits"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1MetadataServiceResourcesGet_ServiceResourceMetadata: {
        parameters: {
            query?: never;
            header?: {
                "accept-Language"?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Service resource metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1MetadataServiceResourcesQueriesGet_ServiceResourceMetadata"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogLookupQueriesGet_DialogLookup: {
        parameters: {
            query: {
                instanceRef: string;
            };
            header?: {
                "accept-Language"?: components["schemas"]["V1EndUserCommon_AcceptedLanguages"] | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully resolved instance reference lookup metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1CommonIdentifierLookup_ServiceOwnerIdentifierLookup"];
                };
            };
            /** @description Validation error occurred. See problem details for a list of errors. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authenticated service owner does not own the resolved dialog. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No dialog match was found for the supplied instance reference. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsQueriesSearch_Dialog: {
        parameters: {
            query?: {
                /** @description Filter by one or more service resources */
                serviceResource?: string[] | null;
                /** @description Filter by one or more owning parties */
                party?: string[] | null;
                /** @description Filter by end user id */
                endUserId?: string | null;
                /** @description Filter by one or more extended statuses */
                extendedStatus?: string[] | null;
                /** @description Filter by external reference */
                externalReference?: string | null;
                /** @description Filter by status */
                status?: components["schemas"]["DialogsEntities_DialogStatus"][] | null;
                /** @description If set to 'include', the result will include both deleted and non-deleted dialogs. If set to 'exclude', the result will only include non-deleted dialogs. If set to 'only', the result will only include deleted dialogs */
                deleted?: components["schemas"]["V1Common_DeletedFilter"] | null;
                /** @description Only return dialogs created after this date */
                createdAfter?: string | null;
                /** @description Only return dialogs created before this date */
                createdBefore?: string | null;
                /** @description Only return dialogs updated after this date */
                updatedAfter?: string | null;
                /** @description Only return dialogs updated before this date */
                updatedBefore?: string | null;
                /** @description Only return dialogs with content updated after this date */
                contentUpdatedAfter?: string | null;
                /** @description Only return dialogs with content updated before this date */
                contentUpdatedBefore?: string | null;
                /**
                 * @description Only return dialogs that have content that has/hasn't been seen.
                 *     If null, no filtering is applied
                 *     If true, returns dialogs that have been seen
                 *     If false, returns dialogs that have not been seen
                 *
                 *     A dialog's content is considered seen if:
                 *     - It has been visited by the GET .../dialogs/{dialogId} endpoint since the last content update, and
                 *     - It does not have a system label MarkedAsUnopened.
                 */
                isContentSeen?: boolean | null;
                /** @description Only return dialogs with due date after this date */
                dueAfter?: string | null;
                /** @description Only return dialogs with due date before this date */
                dueBefore?: string | null;
                /** @description Only return dialogs with visible-from date after this date */
                visibleAfter?: string | null;
                /** @description Only return dialogs with visible-from date before this date */
                visibleBefore?: string | null;
                /** @description Filter by process */
                process?: string | null;
                /** @description Filter by Display state */
                systemLabel?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
                /** @description Whether to exclude API-only dialogs from the results. Defaults to false. */
                excludeApiOnly?: boolean | null;
                /** @description Search string for free text search. Will attempt to fuzzily match in all free text fields in the aggregate */
                search?: string | null;
                /** @description Filter by one or more labels. Multiple labels are combined with AND, i.e., all labels must match. Supports prefix matching with '*' at the end of the label. For example, 'label*' will match 'label', 'label1', 'label2', etc. */
                serviceOwnerLabels?: string[] | null;
                /** @description Limit free text search to texts with this language code, e.g. 'nb', 'en'. Culture codes will be normalized to neutral language codes (ISO 639). Default: search all culture codes */
                searchLanguageCode?: string | null;
                orderBy?: string | null;
                /** @description Supply "continuationToken" for the response to get the next page of results, if hasNextPage is true */
                continuationToken?: string | null;
                /** @description Limit the number of results per page (1-1000, default: 100) */
                limit?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the dialog list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedListOfV1ServiceOwnerDialogsQueriesSearch_Dialog"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider.search". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsCommandsCreate_Dialog: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["V1ServiceOwnerDialogsCommandsCreate_Dialog"];
            };
        };
        responses: {
            /** @description The UUID of the created dialog aggregate. A relative URL to the newly created activity is set in the "Location" header. */
            201: {
                headers: {
                    /**
                     * @description The new UUID ETag of the dialog
                     * @example 123e4567-e89b-12d3-a456-426614174000
                     */
                    Etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example 018bb8e5-d9d0-7434-8ec5-569a6c8e01fc */
                    "application/json": string;
                };
            };
            /** @description Validation error occurred. See problem details for a list of errors. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to create a dialog for the given serviceResource (not owned by authenticated organization or has additional scope requirements defined in policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Dialog with IdempotentKey 01941821-ffca-73a1-9335-435a882be014 has already been created. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Domain error occurred. See problem details for a list of errors. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsQueriesGet_Dialog: {
        parameters: {
            query?: {
                /** @description Filter by end user id */
                endUserId?: string | null;
            };
            header?: never;
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the dialog aggregate. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1ServiceOwnerDialogsQueriesGet_Dialog"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to get the supplied dialog (not owned by authenticated organization or has additional scope requirements defined in policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsCommandsUpdate_Dialog: {
        parameters: {
            query?: never;
            header?: {
                "if-Match"?: string | null;
            };
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["V1ServiceOwnerDialogsCommandsUpdate_Dialog"];
            };
        };
        responses: {
            /** @description The dialog aggregate was updated successfully. */
            204: {
                headers: {
                    /**
                     * @description The new UUID ETag of the dialog
                     * @example 123e4567-e89b-12d3-a456-426614174000
                     */
                    Etag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error occurred. See problem details for a list of errors. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to update the supplied dialog (not owned by authenticated organization or has additional scope requirements defined in policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict occurred while processing the request. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Entity with the given key(s) is removed. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The supplied If-Match header did not match the current Revision value for the dialog. The request was not applied. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Domain error occurred. See problem details for a list of errors. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsCommandsDelete_Dialog: {
        parameters: {
            query?: never;
            header?: {
                "if-Match"?: string | null;
            };
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dialog aggregate was deleted successfully. */
            204: {
                headers: {
                    /**
                     * @description The new UUID ETag of the dialog
                     * @example 123e4567-e89b-12d3-a456-426614174000
                     */
                    Etag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error occurred. See problem details for a list of errors. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to delete the supplied dialog (not owned by authenticated organization or has additional scope requirements defined in policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict occurred while processing the request. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Entity with the given key(s) is removed. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The supplied If-Match header did not match the current Revision value for the dialog. The request was not applied. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsPatchDialog: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
            };
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JsonPatchOperations_Operation"][];
                "application/json-patch+json": components["schemas"]["JsonPatchOperations_Operation"][];
            };
        };
        responses: {
            /** @description Patch was successfully applied. */
            204: {
                headers: {
                    /**
                     * @description The new UUID ETag of the dialog
                     * @example 123e4567-e89b-12d3-a456-426614174000
                     */
                    Etag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error occurred. See problem details for a list of errors. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope \"digdir:dialogporten.serviceprovider\" */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to update a dialog for the given serviceResource (not owned by authenticated organization or has additional scope requirements defined in policy) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found or is deleted */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDetails"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The dialog with the given key is removed */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The supplied Revision does not match the current Revision of the dialog */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Domain error occurred. See problem details for a list of errors. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsCommandsFreeze_FreezeDialog: {
        parameters: {
            query?: never;
            header?: {
                "if-Match"?: string | null;
            };
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dialog aggregate was frozen successfully. */
            204: {
                headers: {
                    /**
                     * @description The new UUID ETag of the dialog
                     * @example 123e4567-e89b-12d3-a456-426614174000
                     */
                    Etag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error occurred. See problem details for a list of errors. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to freeze the supplied dialog (not owned by authenticated organization or has additional scope requirements defined in policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict occurred while processing the request. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Entity with the given key(s) is removed. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The supplied If-Match header did not match the current Revision value for the dialog. The request was not applied. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsCommandsPurge_Dialog: {
        parameters: {
            query?: never;
            header?: {
                "if-Match"?: string | null;
            };
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dialog aggregate was deleted successfully. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to delete the supplied dialog (not owned by authenticated organization or has additional scope requirements defined in policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict occurred while processing the request. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The supplied If-Match header did not match the current Revision value for the dialog. The request was not applied. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsCommandsRestore_Dialog: {
        parameters: {
            query?: never;
            header?: {
                "if-Match"?: string | null;
            };
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dialog aggregate was restored successfully. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict occurred while processing the request. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The supplied If-Match header did not match the current Revision value for the dialog. The request was not applied. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsQueriesNotificationCondition_NotificationCondition: {
        parameters: {
            query: {
                conditionType: components["schemas"]["V1ServiceOwnerDialogsQueriesNotificationCondition_NotificationConditionType"];
                activityType: components["schemas"]["DialogsEntitiesActivities_DialogActivityType"];
                transmissionId?: string | null;
            };
            header?: never;
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the notification determination. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1ServiceOwnerDialogsQueriesNotificationCondition_NotificationCondition"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "altinn:system/notifications.condition.check". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsQueriesSearchActivities_DialogActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the dialog activity list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1ServiceOwnerDialogsQueriesSearchActivities_Activity"][];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to get the supplied dialog (not owned by authenticated organization or has additional scope requirements defined in policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsCommandsCreateActivity_DialogActivity: {
        parameters: {
            query?: never;
            header?: {
                "if-Match"?: string | null;
            };
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["V1ServiceOwnerDialogsCommandsCreateActivity_ActivityRequest"];
            };
        };
        responses: {
            /** @description The UUID of the created dialog activity. A relative URL to the newly created activity is set in the "Location" header. */
            201: {
                headers: {
                    /**
                     * @description The new UUID ETag of the dialog
                     * @example 123e4567-e89b-12d3-a456-426614174000
                     */
                    Etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example 018bb8e5-d9d0-7434-8ec5-569a6c8e01fc */
                    "application/json": string;
                };
            };
            /** @description Validation error occurred. See problem details for a list of errors. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to create child entity for the given dialog (dialog not owned by authenticated organization or has additional scope requirements defined in service identifiers policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict occurred while processing the request. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Entity with the given key(s) is removed. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The supplied If-Match header did not match the current Revision value for the dialog. The request was not applied. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Domain error occurred. See problem details for a list of errors. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsQueriesGetActivity_DialogActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dialogId: string;
                activityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the dialog activity. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1ServiceOwnerDialogsQueriesGetActivity_Activity"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to get child entity for the given dialog (dialog not owned by authenticated organization or has additional scope requirements defined in service identifiers policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The specified dialog ID or activity ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Entity with the given key(s) is removed. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerServiceOwnerContextQueriesGetServiceOwnerLabel_ServiceOwnerLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully retrieved the service owner labels. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1ServiceOwnerServiceOwnerContextQueriesGetServiceOwnerLabels_ServiceOwnerLabel"][];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerServiceOwnerContextCommandsCreateServiceOwnerLabel_ServiceOwnerLabel: {
        parameters: {
            query?: never;
            header?: {
                "if-Match"?: string | null;
            };
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["V1ServiceOwnerServiceOwnerContextCommandsCreateServiceOwnerLabel_Label"];
            };
        };
        responses: {
            /** @description The dialog DialogServiceOwnerLabel was updated successfully. */
            204: {
                headers: {
                    /**
                     * @description The new UUID ETag of the ServiceOwner Context
                     * @example 123e4567-e89b-12d3-a456-426614174000
                     */
                    Etag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error occurred. See problem details for a list of errors. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Conflict occurred while processing the request. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The supplied If-Match header did not match the current Revision value for the dialog. The request was not applied. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerServiceOwnerContextCommandsDeleteServiceOwnerLabel_ServiceOwnerLabel: {
        parameters: {
            query?: never;
            header?: {
                "if-Match"?: string | null;
            };
            path: {
                dialogId: string;
                label: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully deleted the service owner label. */
            204: {
                headers: {
                    /**
                     * @description The new UUID ETag of the ServiceOwner Context
                     * @example 123e4567-e89b-12d3-a456-426614174000
                     */
                    Etag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog or service owner label was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict occurred while processing the request. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerEndUserContextCommandsSetSystemLabel_SetDialogSystemLabels: {
        parameters: {
            query?: {
                enduserId?: string | null;
            };
            header?: {
                "if-Match"?: string | null;
            };
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["V1ServiceOwnerEndUserContextCommandsSetSystemLabel_SetDialogSystemLabelRequest"];
            };
        };
        responses: {
            /** @description The dialog system label was updated successfully. */
            204: {
                headers: {
                    /**
                     * @description The new UUID ETag of the dialog
                     * @example 123e4567-e89b-12d3-a456-426614174000
                     */
                    Etag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error occurred. See problem details for a list of errors. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to update the supplied dialog (not owned by authenticated organization or has additional scope requirements defined in policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict occurred while processing the request. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Entity with the given key(s) is removed. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The supplied If-Match header did not match the current Revision value for the dialog. The request was not applied. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Domain error occurred. See problem details for a list of errors. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsQueriesSearchSeenLogs_DialogSeenLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the dialog seen log records. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1ServiceOwnerDialogsQueriesSearchSeenLogs_SeenLog"][];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Entity with the given key(s) is removed. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsQueriesGetSeenLog_DialogSeenLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dialogId: string;
                seenLogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the dialog seen log record. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1ServiceOwnerDialogsQueriesGetSeenLog_SeenLog"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Entity with the given key(s) is removed. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsQueriesSearchTransmissions_DialogTransmission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the dialog transmission list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1ServiceOwnerDialogsQueriesSearchTransmissions_Transmission"][];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to get the supplied dialog (not owned by authenticated organization or has additional scope requirements defined in policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Entity with the given key(s) is removed. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsCommandsCreateTransmission_DialogTransmission: {
        parameters: {
            query?: never;
            header?: {
                "if-Match"?: string | null;
            };
            path: {
                dialogId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["V1ServiceOwnerDialogsCommandsCreateTransmission_TransmissionRequest"];
            };
        };
        responses: {
            /** @description The UUID of the created dialog transmission. A relative URL to the newly created activity is set in the "Location" header. */
            201: {
                headers: {
                    /**
                     * @description The new UUID ETag of the dialog
                     * @example 123e4567-e89b-12d3-a456-426614174000
                     */
                    Etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example 018bb8e5-d9d0-7434-8ec5-569a6c8e01fc */
                    "application/json": string;
                };
            };
            /** @description Validation error occurred. See problem details for a list of errors. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to create child entity for the given dialog (dialog not owned by authenticated organization or has additional scope requirements defined in service identifiers policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The given dialog ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict occurred while processing the request. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Entity with the given key(s) is removed. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The supplied If-Match header did not match the current Revision value for the dialog. The request was not applied. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Domain error occurred. See problem details for a list of errors. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsQueriesGetTransmission_DialogTransmission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dialogId: string;
                transmissionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the dialog transmission. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1ServiceOwnerDialogsQueriesGetTransmission_Transmission"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to get child entity for the given dialog (dialog not owned by authenticated organization or has additional scope requirements defined in service identifiers policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The specified dialog ID or transmission ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Entity with the given key(s) is removed. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsCommandsUpdateTransmission_DialogTransmission: {
        parameters: {
            query?: never;
            header?: {
                "if-Match"?: string | null;
            };
            path: {
                dialogId: string;
                transmissionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["V1ServiceOwnerDialogsCommandsUpdateTransmission_TransmissionRequest"];
            };
        };
        responses: {
            /** @description The dialog transmission was updated successfully. */
            204: {
                headers: {
                    /**
                     * @description The new UUID ETag of the dialog
                     * @example 123e4567-e89b-12d3-a456-426614174000
                     */
                    Etag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error occurred. See problem details for a list of errors. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider.changetransmissions". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to update child entity for the given dialog (dialog not owned by authenticated organization or has additional scope requirements defined in service identifiers policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The specified dialog ID or transmission ID was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict occurred while processing the request. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Entity with the given key(s) is removed. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The supplied If-Match header did not match the current Revision value for the dialog. The request was not applied. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Domain error occurred. See problem details for a list of errors. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerDialogsQueriesSearchEndUserContext_DialogEndUserContext: {
        parameters: {
            query: {
                /**
                 * @description Filter by one or more owning parties
                 * @example [
                 *       ""
                 *     ]
                 */
                party: string[];
                /** @description Only return context for dialogs with contentUpdatedAt greater than or equal to the supplied date-time. */
                contentUpdatedAfter?: string | null;
                /** @description Filter by one or more system labels */
                label?: components["schemas"]["DialogEndUserContextsEntities_SystemLabel"][] | null;
                /** @description Supply "continuationToken" for the response to get the next page of results, if hasNextPage is true */
                continuationToken?: string | null;
                /** @description Limit the number of results per page (1-1000, default: 100) */
                limit?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully returned the dialog list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedListOfV1ServiceOwnerDialogsQueriesSearchEndUserContext_DialogEndUserContextItem"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider.search". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    V1ServiceOwnerEndUserContextCommandsBulkSetSystemLabels_BulkSetDialogSystemLabels: {
        parameters: {
            query?: {
                enduserId?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["V1ServiceOwnerEndUserContextCommandsBulkSetSystemLabels_BulkSetSystemLabel"];
            };
        };
        responses: {
            /** @description The dialog system labels was updated successfully. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error occurred. See problem details for a list of errors. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Missing or invalid authentication token. Requires a Maskinporten-token with the scope "digdir:dialogporten.serviceprovider". */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized to update the supplied dialog (not owned by authenticated organization or has additional scope requirements defined in policy). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Conflict occurred while processing the request. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The supplied If-Match header did not match the current Revision value for the dialog. The request was not applied. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Domain error occurred. See problem details for a list of errors. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable, used when Dialogporten is in maintenance mode */
            503: {
                headers: {
                    /** @description Delay before retrying the request. Datetime format RFC1123 */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
}
