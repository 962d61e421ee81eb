using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Dapper;
using Npgsql;

namespace Cro.Monitoring.Features.Recruitment;

/// <summary>Records when and where (województwo) an application was submitted: submissions per day and per region.</summary>
public sealed class ApplicationSubmittedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ApplicationSubmitted>(dataSource)
{
    protected override async Task HandleAsync(ApplicationSubmitted message, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await RecruitmentRecord.EnsureAsync(transaction,
            new(message.ApplicationId, message.RoundId, message.RoundName, message.JstTerc, message.VoivodeshipTerc), ct);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE recruitment_applications SET submitted_at = @SubmittedAt WHERE id = @ApplicationId",
            message, transaction, cancellationToken: ct));
    }
}
