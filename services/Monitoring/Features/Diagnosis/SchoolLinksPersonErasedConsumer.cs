namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// Erasure (RODO art. 17): the diagnosis keeps a person's address only as a school director's, given with a school link
/// (to mail it and its reminders). An erased person's address is found by the one PersonErased carries: the links lose it
/// (no reminder goes there any more; the link itself, its dates and its use stay), a mail of the link not yet handed to the
/// broker is not sent, and the mails handed over, kept in the outbox for a while, lose the address too. Everything else
/// the diagnosis keeps of people is their id (who answered, submitted, reopened, excused, commented, reviewed).
/// </summary>
public sealed class SchoolLinksPersonErasedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<PersonErased>(dataSource)
{
    protected override async Task HandleAsync(PersonErased message, DataSession session)
    {
        if (string.IsNullOrWhiteSpace(message.Email))
        {
            return;
        }
        await session.ExecuteAsync("UPDATE questionnaire_links SET director_email = NULL WHERE lower(director_email) = lower(@email)",
            new { email = message.Email.Trim() });
        await session.EraseAddressAsync<SchoolLinkMailRequested>("directorEmail", message.Email);
    }
}
