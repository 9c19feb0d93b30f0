using System.Text.Json.Serialization;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Web.Access;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AzureLocalUpgrade.Fleet.Web.Hosting;

/// <summary>
/// Builds the dashboard: Kestrel on the given addresses, cookie sign-in (accounts) and bearer tokens (scripts) from the
/// access file, anti-forgery on every form, security headers, the pages, the JSON API and the embedded assets.
/// </summary>
internal static class DashboardApp
{
    public static WebApplication Build(IFleetStatusStore store, DashboardOptions options, TimeProvider time, Action<ILoggingBuilder> logging)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DashboardApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.WebHost.UseUrls(options.Urls);
        // Forms are a few hundred bytes; nothing larger has a reason to reach the dashboard.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64 * 1024);
        builder.Logging.ClearProviders();
        logging(builder.Logging);

        var services = builder.Services;
        services.AddSingleton(store);
        services.AddSingleton(time);
        services.AddSingleton(options);
        services.AddSingleton(new DashboardAccessHolder(options.Access));
        // Keys live in memory: a restart signs everyone out, and no key file is left on the machine.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "alu.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });
        AddAuthentication(services);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = StoreFailurePage.WriteAsync });
        app.Use(SecurityHeaders.Add);
        app.UseAuthentication();
        app.UseAuthorization();
        AssetEndpoints.Map(app);
        SignInEndpoints.Map(app);
        PageEndpoints.Map(app, options.Access is not null);
        ApprovalEndpoints.Map(app);
        ApiEndpoints.Map(app, options.Access is not null);
        return app;
    }

    private static void AddAuthentication(IServiceCollection services)
    {
        services.AddAuthentication(DashboardPrincipal.DefaultScheme)
            .AddPolicyScheme(DashboardPrincipal.DefaultScheme, "cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? DashboardPrincipal.BearerScheme
                    : DashboardPrincipal.CookieScheme)
            .AddCookie(DashboardPrincipal.CookieScheme, o =>
            {
                o.Cookie.Name = "alu.dashboard";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = "/signin";
                o.Events = new CookieAuthenticationEvents
                {
                    // The page's poll and the API get 401, not a redirect to a sign-in form they cannot show.
                    OnRedirectToLogin = context =>
                    {
                        if (PageEndpoints.IsFragmentOrApi(context.Request.Path))
                        {
                            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                            return Task.CompletedTask;
                        }

                        context.Response.Redirect(context.RedirectUri);
                        return Task.CompletedTask;
                    },
                };
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenHandler>(DashboardPrincipal.BearerScheme, null);
        services.AddAuthorization();
    }
}
