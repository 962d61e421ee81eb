using Cro.BuildingBlocks.Messaging;
using Cro.Notifications.Features.Webhooks.Catalogue;
using Cro.ServiceDefaults.Security;
using MassTransit;

namespace Cro.Notifications.Features.Webhooks;

/// <summary>
/// Every integration event of the <see cref="WebhookCatalogue"/>, on one queue: each becomes a webhook event and its
/// deliveries in the transaction that records it in the inbox, so a redelivered event makes nothing twice. One consumer
/// rather than one per type keeps the events of a JST in the order the broker hands them over. A test holds this list
/// equal to the catalogue's.
/// </summary>
public sealed class PartnerWebhookConsumer(NpgsqlDataSource db) :
    IConsumer<ApplicationSubmitted>,
    IConsumer<ApplicationAccepted>,
    IConsumer<ApplicationPutOnReserve>,
    IConsumer<ApplicationRejected>,
    IConsumer<JstWithdrew>,
    IConsumer<ModuleCompleted>,
    IConsumer<TrainingCompleted>,
    IConsumer<AdvisorAssigned>,
    IConsumer<AdvisoryMeetingHeld>,
    IConsumer<EngagementEnded>,
    IConsumer<DialogueMeetingHeld>,
    IConsumer<DiagnosisSubmitted>,
    IConsumer<DiagnosisAccepted>,
    IConsumer<PlanDraftOpenedForConsultation>,
    IConsumer<PlanAdopted>,
    IConsumer<PlanAmended>,
    IConsumer<ReportSubmitted>,
    IConsumer<ReportOverdue>,
    IConsumer<GoodPracticePublished>,
    IConsumer<GoodPracticeUnpublished>,
    IConsumer<GoodPracticeChangesRequested>,
    IConsumer<ConferenceAttended>
{
    public Task Consume(ConsumeContext<ApplicationSubmitted> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<ApplicationAccepted> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<ApplicationPutOnReserve> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<ApplicationRejected> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<JstWithdrew> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<ModuleCompleted> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<TrainingCompleted> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<AdvisorAssigned> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<AdvisoryMeetingHeld> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<EngagementEnded> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<DialogueMeetingHeld> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<DiagnosisSubmitted> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<DiagnosisAccepted> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<PlanDraftOpenedForConsultation> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<PlanAdopted> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<PlanAmended> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<ReportSubmitted> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<ReportOverdue> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<GoodPracticePublished> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<GoodPracticeUnpublished> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<GoodPracticeChangesRequested> context) => RecordAsync(context);
    public Task Consume(ConsumeContext<ConferenceAttended> context) => RecordAsync(context);

    private async Task RecordAsync<TEvent>(ConsumeContext<TEvent> context) where TEvent : class
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without MessageId cannot be deduplicated.");
        await using var session = await DataSession.OpenAsync(db, JstScope.All, context.CancellationToken);
        if (!await Inbox.TryRecordAsync(session.Transaction, messageId, nameof(PartnerWebhookConsumer), session.Cancellation))
        {
            return;
        }
        await session.RecordWebhookEventAsync(messageId, WebhookCatalogue.Of(typeof(TEvent)), context.Message);
        await session.CommitAsync();
    }
}
