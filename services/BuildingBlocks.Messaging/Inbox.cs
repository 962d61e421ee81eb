namespace Cro.BuildingBlocks.Messaging;

/// <summary>The inbox table that makes consumers idempotent: one row per (message id, consumer).</summary>
public static class Inbox
{
    /// <summary>
    /// Records that <paramref name="consumer"/> applies the message inside <paramref name="transaction"/>;
    /// false when it was applied before (a redelivery), in which case the caller changes nothing.
    /// </summary>
    public static async Task<bool> TryRecordAsync(NpgsqlTransaction transaction, Guid messageId, string consumer, CancellationToken ct)
    {
        var first = await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO inbox_messages (message_id, consumer) VALUES (@messageId, @consumer)
            ON CONFLICT DO NOTHING
            """, new { messageId, consumer }, transaction, cancellationToken: ct)) == 1;
        if (!first)
        {
            MessagingMetrics.DuplicatesSkipped.Add(1);
        }
        return first;
    }
}
