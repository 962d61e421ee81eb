using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;

namespace Cro.ServiceDefaults;

public static class SiteLanguage
{
    /// <summary>
    /// For processes that render pages of the site (web, identity): Polish first, and the language
    /// changes only when the visitor chooses it (the /jezyk switch's cookie, shared by the whole origin),
    /// never from the browser's settings.
    /// </summary>
    public static IServiceCollection UseChosenLanguageOnly(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(options =>
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()]);
}
