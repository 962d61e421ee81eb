using MassTransit;
using Npgsql;

namespace Cro.BuildingBlocks.Messaging;

/// <summary>
/// An idempotent consumer: the (message id, consumer) inbox row is inserted in the same transaction
/// as the consumer's own writes, so a message delivered twice is applied once. A failure rolls back
/// both and leaves the message to MassTransit's retry, then to the _error queue.
/// </summary>
public abstract class InboxConsumer<TMessage>(NpgsqlDataSource dataSource) : IConsumer<TMessage> where TMessage : class
{
    /// <summary>The id of the message being applied (consumers live one message each), for rows that keep it.</summary>
    protected Guid MessageId { get; private set; }

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without MessageId cannot be deduplicated.");
        MessageId = messageId;
        var ct = context.CancellationToken;

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!await Inbox.TryRecordAsync(transaction, messageId, GetType().Name, ct))
        {
            return;
        }
        await HandleAsync(context.Message, transaction, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Applies the message inside <paramref name="transaction"/> (writes, outbox events).</summary>
    protected abstract Task HandleAsync(TMessage message, NpgsqlTransaction transaction, CancellationToken ct);
}
