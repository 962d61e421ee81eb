using Cro.ServiceDefaults.Security;

namespace Cro.BuildingBlocks.Messaging;

/// <summary>
/// An idempotent consumer: the (message id, consumer) inbox row is inserted in the same <see cref="DataSession"/> as the
/// consumer's own writes, so a message delivered twice is applied once. A failure rolls back both and leaves the message
/// to MassTransit's retry, then to the _error queue.
/// </summary>
public abstract class InboxConsumer<TMessage>(NpgsqlDataSource dataSource) : IConsumer<TMessage> where TMessage : class
{
    /// <summary>The id of the message being applied (consumers live one message each), for rows that keep it.</summary>
    protected Guid MessageId { get; private set; }

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without MessageId cannot be deduplicated.");
        MessageId = messageId;

        await using var session = await DataSession.OpenAsync(dataSource, ScopeOf(context.Message), context.CancellationToken);
        if (!await Inbox.TryRecordAsync(session.Transaction, messageId, GetType().Name, session.Cancellation))
        {
            return;
        }
        await HandleAsync(context.Message, session);
        await session.CommitAsync();
    }

    /// <summary>
    /// The JST whose rows the message may touch under row-level security: every JST unless a consumer narrows it (one
    /// that applies a JST's event to that JST alone says so, and the database refuses anything else).
    /// </summary>
    protected virtual JstScope ScopeOf(TMessage message) => JstScope.All;

    /// <summary>Applies the message inside <paramref name="session"/> (writes, outbox events).</summary>
    protected abstract Task HandleAsync(TMessage message, DataSession session);
}
