namespace Cro.Evaluation.Features.Consultation;

/// <summary>
/// Erasure (RODO art. 17): a document's consultation knows a person only by the address ORE invited them at. An erased
/// person's address, as PersonErased carries it, leaves their invitations (the link, its dates and the comments left
/// through it stay: they never named the person), an invitation mail not yet handed to the broker is not sent, and those
/// handed over, kept in the outbox for a while, lose the address.
/// </summary>
public sealed class DocumentConsultationsPersonErasedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<PersonErased>(dataSource)
{
    protected override async Task HandleAsync(PersonErased message, DataSession session)
    {
        if (string.IsNullOrWhiteSpace(message.Email))
        {
            return;
        }
        await session.ExecuteAsync("UPDATE document_consultation_invitations SET email = NULL WHERE lower(email) = lower(@email)",
            new { email = message.Email.Trim() });
        await session.EraseAddressAsync<DocumentConsultationInvitationMailRequested>("email", message.Email);
    }
}
