using Microsoft.AspNetCore.Localization;

namespace Cro.Web.Site;

public static class LanguageSwitch
{
    /// <summary>GET /jezyk/{culture}?powrot=/path — remembers the chosen language for a year and goes back.</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/jezyk/{culture:regex(^(pl|en)$)}", (string culture, string? powrot, HttpContext context) =>
        {
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(Account.WebSignIn.LocalPath(powrot) ?? "/");
        }).AllowAnonymous();
        return app;
    }
}
