using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Dapper;

namespace Cro.Recruitment.Features.PersonalData;

/// <summary>
/// Erasure (RODO art. 17): the person's rows in task teams, found by the address they applied with,
/// lose the name, the address and the phone. Position, sex and dates stay: the application, the team's
/// size and the indicators by sex are not the person's data alone and keep counting.
/// </summary>
public sealed class PersonErasedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<PersonErased>(dataSource)
{
    public const string ErasedName = ErasedPerson.Name;

    protected override async Task HandleAsync(PersonErased message, DataSession session)
    {
        if (string.IsNullOrWhiteSpace(message.Email))
        {
            return;
        }
        // The platform acts here, for every JST the person was in (the consumers' scope).
        await session.ExecuteAsync("""
            UPDATE team_members SET full_name = @ErasedName, email = 'usunieta-' || id || '@usunieto.invalid', phone = NULL
            WHERE lower(email) = lower(@email)
            """, new { ErasedName, email = message.Email.Trim() });
    }
}
