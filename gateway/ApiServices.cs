namespace Cro.Gateway;

/// <summary>The HTTP APIs behind the gateway: each is routed at /api/{name}/ and listed in /api/docs.</summary>
public static class ApiServices
{
    public static readonly IReadOnlyList<(string Name, string Title)> All =
    [
        ("recruitment", "Nabór JST / Recruitment"),
        ("monitoring", "Monitorowanie / Monitoring"),
    ];

    /// <summary>The web UI takes every path no API route claims.</summary>
    public const string Web = "web";
}
