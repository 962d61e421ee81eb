using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Dapper;
using Npgsql;

namespace Cro.Training.Features.PersonalData;

/// <summary>
/// Erasure (RODO art. 17): the person's participant rows (found by the address they were enrolled with) and
/// trainer assignments lose the name and the address, their certificates the holder's name (the number keeps
/// verifying, never with a name), and their calendar feed stops. Position, sex, dates, attendance and test
/// results stay: the cohort's records and the indicators by sex keep counting.
/// </summary>
public sealed class PersonErasedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<PersonErased>(dataSource)
{
    public const string ErasedName = ErasedPerson.Name;

    protected override async Task HandleAsync(PersonErased message, DataSession session)
    {
        // The platform acts here, for every JST the person was in (the consumers' scope).
        await session.ExecuteAsync("""
            UPDATE certificates SET holder_name = @ErasedName, show_name = false
            WHERE participant_id IN (SELECT id FROM participants WHERE lower(email) = lower(@email));
            UPDATE participants SET full_name = @ErasedName, email = 'usunieta-' || id || '@usunieto.invalid'
            WHERE lower(email) = lower(@email);
            UPDATE cohort_trainers SET full_name = @ErasedName, email = 'usunieta-' || cohort_id || '-' || md5(email) || '@usunieto.invalid'
            WHERE user_id = @UserId OR lower(email) = lower(@email);
            DELETE FROM calendar_feeds WHERE user_id = @UserId OR lower(email) = lower(@email);
            """, new { ErasedName, email = message.Email?.Trim() ?? "", message.UserId });
    }
}
