namespace Cro.Monitoring.Features.Plans.Consultation;

/// <summary>
/// Erasure (RODO art. 17): a consultation knows a person by the address the team invited them at. An erased person's
/// address, as PersonErased carries it, leaves their invitations (the link, its dates and its use stay), the comments they
/// left through them lose their name (and the consent to publish it), an invitation mail not yet handed to the broker is
/// not sent, and those handed over, kept in the outbox for a while, lose the address. A name given through the public link
/// is tied to no address, so nothing finds it by one.
/// </summary>
public sealed class ConsultationsPersonErasedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<PersonErased>(dataSource)
{
    protected override async Task HandleAsync(PersonErased message, DataSession session)
    {
        if (string.IsNullOrWhiteSpace(message.Email))
        {
            return;
        }
        await session.ExecuteAsync($"""
            WITH invited AS (
                UPDATE consultation_links SET email = NULL
                WHERE kind = '{ConsultationLinks.Personal}' AND lower(email) = lower(@email)
                RETURNING id)
            UPDATE consultation_comments SET author_name = NULL, publish_name = false WHERE link_id IN (SELECT id FROM invited);
            """, new { email = message.Email.Trim() });
        await session.EraseAddressAsync<ConsultationInvitationMailRequested>("email", message.Email);
    }
}
