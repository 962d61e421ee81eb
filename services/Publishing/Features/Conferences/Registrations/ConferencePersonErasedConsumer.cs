namespace Cro.Publishing.Features.Conferences.Registrations;

/// <summary>
/// Erasure (RODO art. 17) of a person the platform erased: conference participants have no accounts, so they are found by
/// the address PersonErased carries (<see cref="ParticipantErasure.EraseByEmailAsync"/>); a registration still taking part
/// is cancelled without a mail, and its place is offered on.
/// </summary>
public sealed class ConferencePersonErasedConsumer(NpgsqlDataSource dataSource, ConferenceLinks links, TimeProvider time)
    : InboxConsumer<PersonErased>(dataSource)
{
    protected override async Task HandleAsync(PersonErased message, DataSession session)
    {
        if (!string.IsNullOrWhiteSpace(message.Email))
        {
            await ParticipantErasure.EraseByEmailAsync(session, message.Email, links, time.GetUtcNow());
        }
    }
}
