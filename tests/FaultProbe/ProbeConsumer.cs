using Cro.BuildingBlocks.Messaging;
using Cro.BuildingBlocks.Persistence;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cro.FaultProbe;

public sealed class ProbeOptions
{
    /// <summary>Time each event takes to apply, so a test can kill a consumer while it has messages in hand.</summary>
    public TimeSpan ApplyDelay { get; set; } = TimeSpan.Zero;
}

/// <summary>Applies <see cref="ProbeItemCreated"/> once per event, through the platform's inbox.</summary>
public sealed class ProbeConsumer(NpgsqlDataSource dataSource, IOptions<ProbeOptions> options) : InboxConsumer<ProbeItemCreated>(dataSource)
{
    protected override async Task HandleAsync(ProbeItemCreated message, DataSession session)
    {
        await session.ExecuteAsync("INSERT INTO probe_applied (item_id, message_id, process_id) VALUES (@item, @message, @process)",
            new { item = message.ItemId, message = MessageId, process = Environment.ProcessId });
        if (options.Value.ApplyDelay > TimeSpan.Zero)
        {
            await Task.Delay(options.Value.ApplyDelay, session.Cancellation);
        }
    }
}
