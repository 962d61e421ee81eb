namespace Cro.Identity.Features.PersonalData;

/// <summary>
/// The version of the information clause shown at /konto/klauzula-informacyjna. Change it whenever the
/// text changes: consents record the version the person saw.
/// </summary>
public static class InformationClauseText
{
    public const string Version = "2026-11-30";
}
