using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AzureLocalUpgrade.Fleet.Web.Access;

/// <summary>
/// Authenticates `Authorization: Bearer TOKEN` against the tokens of the access file (by SHA-256, in fixed time), for
/// scripts that read the JSON API or approve a gate. The token itself is never logged or stored.
/// </summary>
internal sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, DashboardAccessHolder access)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Prefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = header[Prefix.Length..].Trim();
        if (access.Access is { } configured && presented.Length > 0 && PasswordHashes.MatchToken(configured.Tokens, presented) is { } token)
        {
            var principal = DashboardPrincipal.Create(token.Name, token.Role, Scheme.Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
        }

        return Task.FromResult(AuthenticateResult.Fail("The bearer token is not one of the access file's tokens."));
    }
}

/// <summary>The access file the dashboard was started with, or null (read-only dashboard).</summary>
internal sealed record DashboardAccessHolder(DashboardAccess? Access);
