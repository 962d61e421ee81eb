namespace Cro.ServiceDefaults.Security;

/// <summary>Roles of people (partner API clients are not people and have no role).</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Trainer = "trainer";
    public const string Advisor = "advisor";
    public const string JstCoordinator = "jst-coordinator";
    public const string JstMember = "jst-member";
    /// <summary>ORE's finance staff: enter the project's spending and report on its budget.</summary>
    public const string Finance = "ore-finance";
    /// <summary>ORE's staff who report participants to the EU monitoring system: the only ones who see ESF+ special-category data.</summary>
    public const string EsfData = "ore-esf-data";

    public static readonly IReadOnlyList<string> All = [Admin, Operator, Trainer, Advisor, JstCoordinator, JstMember, Finance, EsfData];

    /// <summary>Roles of people who act for one JST and so carry its TERC code.</summary>
    public static readonly IReadOnlyList<string> OfJst = [JstCoordinator, JstMember];
}
