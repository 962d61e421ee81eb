using Cro.ServiceDefaults.Security;

namespace Cro.Web.Account;

public static class RoleNames
{
    public static string Label(string role) => role switch
    {
        Roles.Admin => Text.Pick("administrator", "administrator"),
        Roles.Operator => Text.Pick("operator (ORE)", "operator (ORE)"),
        Roles.Trainer => Text.Pick("trener", "trainer"),
        Roles.Advisor => Text.Pick("doradca", "advisor"),
        Roles.JstCoordinator => Text.Pick("koordynator JST", "JST coordinator"),
        Roles.JstMember => Text.Pick("członek zespołu zadaniowego", "task team member"),
        Roles.Finance => Text.Pick("finanse projektu (ORE)", "project finance (ORE)"),
        Roles.EsfData => Text.Pick("dane uczestników EFS+ (ORE)", "ESF+ participant data (ORE)"),
        _ => role,
    };
}
