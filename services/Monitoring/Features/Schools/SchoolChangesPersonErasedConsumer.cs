namespace Cro.Monitoring.Features.Schools;

/// <summary>
/// Erasure (RODO art. 17): the schools register names people only as the authors of changes and confirmations; an erased
/// person's name gives way to <see cref="ErasedPerson.Name"/> there. The changes themselves, and when they were made, stay.
/// </summary>
public sealed class SchoolChangesPersonErasedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<PersonErased>(dataSource)
{
    protected override Task HandleAsync(PersonErased message, DataSession session) => session.ExecuteAsync("""
        UPDATE school_changes SET changed_by_name = @ErasedName WHERE changed_by = @UserId;
        UPDATE school_list_confirmations SET confirmed_by_name = @ErasedName WHERE confirmed_by = @UserId;
        """, new { ErasedName = ErasedPerson.Name, message.UserId });
}
