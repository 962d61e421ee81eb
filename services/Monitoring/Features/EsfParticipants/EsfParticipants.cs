namespace Cro.Monitoring.Features.EsfParticipants;

/// <summary>
/// ESF+ participants (FERS 2021–2027) and their report to the EU monitoring system, SM EFS in CST2021.
/// <para>
/// Who: a participant is a person of an accepted (not withdrawn) JST task team who started support, i.e. attended a first
/// training session (the output indicator's rule, <see cref="Training.SessionAttendedConsumer"/>); the institution is the
/// JST supported, by TERC code.
/// </para>
/// <para>
/// What is collected, once, at the start of support, and only that — the participant data of the national guidance on
/// monitoring physical progress ("Wytyczne dotyczące monitorowania postępu rzeczowego realizacji programów na lata
/// 2021–2027", its list of participants' data for SM EFS) and the CST2021 SM EFS participant import layout, for a
/// participant reported as an employee of an institution:
/// name and surname (from recruitment's team, not asked again); PESEL, or "no PESEL" (SM EFS identifies participants by
/// it; a person without one says so); sex (woman, man, and non-binary where the person gives it — exported per
/// <see cref="EsfValues.Sex"/>); age at the start of support, as the person gives it (no birth date is stored); education
/// (ISCED groups of SM EFS); status on the labour market at the start (JST staff are employed: SM EFS's categories of
/// employment); the special categories — disability, foreign origin, third-country national, national or ethnic minority,
/// homelessness or housing exclusion — each answerable "odmawiam podania informacji" (refuses). ORE adds the dates of
/// support (start: the first session attended, unless ORE sets it; end: the end of the support path) and the form of
/// support. Contact data are the institution's (an employee of an institution is reported at its address), so no home
/// address, telephone or e-mail is asked; the JST's NIP and address are entered once per JST by ORE. The name comes as
/// one full name; SM EFS's two columns take its last word as the surname. The address recruitment's events carry is kept
/// only to know the person when they sign in (never exported).
/// </para>
/// <para>
/// Not stored: the birth date (the age is what SM EFS asks, as at the start), the home address, and anything a JST employee
/// need not give (status on the labour market other than employment, situation after support).
/// </para>
/// <para>
/// Protection: the special-category answers live in their own table, readable only in a transaction of a caller holding
/// <see cref="Roles.EsfData"/> (BuildingBlocks' <c>SpecialCategoryRowSecurity</c>, set per transaction by the data session,
/// with a row-level security policy on the table); the participant may add their own answers, never read them back;
/// operators and administrators see that they were given, not what they were.
/// </para>
/// </summary>
public static class EsfParticipants
{
    public static IEndpointRouteBuilder MapEsfParticipantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/monitoring").WithTags("Uczestnicy EFS+ / ESF+ participants");
        api.MapMyParticipantForm();
        api.MapParticipantsOversight();
        api.MapGetSpecialCategories();
        api.MapSmEfsExport();
        api.MapMyMonitoringPersonalData();
        return app;
    }
}
