using Cro.Publishing.Features.Practices;

namespace Cro.Publishing.Features.PersonalData;

/// <summary>
/// Erasure (RODO art. 17). A person is named in publishing by their address (and, as a practice's lead author or a
/// reviewer, by their account): in the task teams and advisors known here, among a practice's authors and contacts — in the
/// text being written, in every version, and so in the catalogue, whose entry is made again from the version — as a reviewer
/// and as a proposer. Each keeps its place without the name, address and phone; the practices, their versions, reviews and
/// counts stay. Mails about practices not yet handed to the broker leave the person out; those handed over lose their
/// address.
/// </summary>
public sealed class PersonErasedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<PersonErased>(dataSource)
{
    private sealed record PublishedEntry(Guid PracticeId, string JstTerc, int Version, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt);

    protected override async Task HandleAsync(PersonErased message, DataSession session)
    {
        var parameters = new { name = ErasedPerson.Name, email = message.Email?.Trim() ?? "", user = message.UserId };
        await session.ExecuteAsync("""
            UPDATE team_members SET full_name = @name, email = 'usunieta-' || member_id || '@usunieto.invalid' WHERE lower(email) = lower(@email);
            UPDATE jst_advisors SET full_name = @name, email = 'usunieta-' || engagement_id || '@usunieto.invalid'
            WHERE lower(email) = lower(@email) OR advisor_user_id = @user;
            UPDATE practice_reviews SET reviewer_name = @name WHERE reviewer = @user;
            UPDATE practice_proposals SET proposed_by_name = @name WHERE proposed_by = @user;
            UPDATE practices
            SET authors = erase_person(authors, @email, @user, @name),
                template = jsonb_set(template, '{contacts}', erase_person(template -> 'contacts', @email, NULL, @name))
            WHERE authors <> erase_person(authors, @email, @user, @name)
               OR template -> 'contacts' <> erase_person(template -> 'contacts', @email, NULL, @name);
            UPDATE outbox_messages
            SET payload = payload
                || CASE WHEN payload ? 'authors' THEN jsonb_build_object('authors', CASE WHEN published_at IS NULL
                        THEN drop_person(payload -> 'authors', @email) ELSE erase_person(payload -> 'authors', @email, NULL, @name) END) ELSE '{}' END
                || CASE WHEN payload ? 'reviewers' THEN jsonb_build_object('reviewers', CASE WHEN published_at IS NULL
                        THEN drop_person(payload -> 'reviewers', @email) ELSE erase_person(payload -> 'reviewers', @email, NULL, @name) END) ELSE '{}' END
                || CASE WHEN payload ? 'team' THEN jsonb_build_object('team', CASE WHEN published_at IS NULL
                        THEN drop_person(payload -> 'team', @email) ELSE erase_person(payload -> 'team', @email, NULL, @name) END) ELSE '{}' END
            WHERE message_type LIKE 'Cro.Contracts.GoodPractice%' AND @email <> '' AND strpos(lower(payload::text), lower(@email)) > 0;
            """, parameters);
        // Versions are kept as submitted: erasure alone rewrites them, and the catalogue's entry of one that is published follows.
        var published = await session.QueryAsync<PublishedEntry>("""
            WITH erased AS (
                UPDATE practice_versions
                SET authors = erase_person(authors, @email, @user, @name),
                    template = jsonb_set(template, '{contacts}', erase_person(template -> 'contacts', @email, NULL, @name))
                WHERE authors <> erase_person(authors, @email, @user, @name)
                   OR template -> 'contacts' <> erase_person(template -> 'contacts', @email, NULL, @name)
                RETURNING practice_id, number)
            SELECT c.practice_id, c.jst_terc, c.version, c.published_at, c.updated_at
            FROM published_practices c JOIN erased e ON e.practice_id = c.practice_id AND e.number = c.version
            """, parameters);
        foreach (var entry in published)
        {
            await CatalogueEntry.WriteAsync(session, entry.PracticeId, entry.JstTerc, entry.Version, entry.PublishedAt, entry.UpdatedAt);
        }
    }
}
