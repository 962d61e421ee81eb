namespace Cro.Monitoring.Features.Recruitment;

/// <summary>Records when and where (województwo) an application was submitted: submissions per day and per region.</summary>
public sealed class ApplicationSubmittedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ApplicationSubmitted>(dataSource)
{
    protected override Task HandleAsync(ApplicationSubmitted message, DataSession session) =>
        RecruitmentRecord.RecordAsync(session,
            new(message.ApplicationId, message.RoundId, message.RoundName, message.JstTerc, message.VoivodeshipTerc),
            "UPDATE recruitment_applications SET submitted_at = @SubmittedAt WHERE id = @ApplicationId", message);
}
