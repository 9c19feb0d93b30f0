using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Fleet.Web.Access;

/// <summary>One factory per <see cref="DashboardCodes"/> code, so messages and hints stay uniform.</summary>
internal static class DashboardDiagnostics
{
    private const string FormatHint = "See docs/fleets.md, \"The dashboard\", for the access file format.";

    public static Diagnostic AccessFileShape(SourceSpan at, string problem) =>
        new(DashboardCodes.AccessFileShape, Severity.Error, at, $"Not a dashboard access file: {problem}.",
            "Start the file with 'apiVersion: azurelocal.upgrade/v1' and 'kind: DashboardAccess', then 'accounts:' and/or 'tokens:'. " + FormatHint);

    public static Diagnostic AccessEntryInvalid(SourceSpan at, string problem) =>
        new(DashboardCodes.AccessEntryInvalid, Severity.Error, at, problem, FormatHint);

    public static Diagnostic RoleUnknown(SourceSpan at, string role) =>
        new(DashboardCodes.RoleUnknown, Severity.Error, at, $"Unknown role '{EchoText.Short(role)}'.",
            "Use 'operator' (may approve stage gates) or 'viewer' (reads the pages only).");

    public static Diagnostic PasswordHashInvalid(SourceSpan at, string account) =>
        new(DashboardCodes.PasswordHashInvalid, Severity.Error, at, $"The passwordHash of account '{EchoText.Short(account)}' is not a salted password hash alu made.",
            "Make one with: alu fleet hash-password < password-file (the password is read from standard input), and paste its output.");

    public static Diagnostic TokenHashInvalid(SourceSpan at, string token) =>
        new(DashboardCodes.TokenHashInvalid, Severity.Error, at, $"The sha256 of token '{EchoText.Short(token)}' is not 64 hexadecimal digits.",
            "Store only the token's SHA-256: printf %s \"$TOKEN\" | sha256sum (the first field).");

    public static Diagnostic DuplicateName(SourceSpan at, string name) =>
        new(DashboardCodes.DuplicateName, Severity.Error, at, $"'{EchoText.Short(name)}' is named twice; approvals record this name, so it must be unique.",
            "Give each account and token its own name.");

    public static Diagnostic PlainSecret(SourceSpan at, string key) =>
        new(DashboardCodes.PlainSecret, Severity.Error, at, $"'{key}' would keep a secret in plain text; the access file holds only hashes.",
            "Replace it with 'passwordHash' (alu fleet hash-password) or, for a token, 'sha256' (printf %s \"$TOKEN\" | sha256sum).");

    public static Diagnostic UrlsInvalid(string urls, string problem) =>
        new(DashboardCodes.UrlsInvalid, Severity.Error, SourceSpan.None, $"--urls '{EchoText.Short(urls)}': {problem}.",
            "Give one or more http:// addresses separated by ';', e.g. --urls http://127.0.0.1:5080");

    public static Diagnostic CannotListen(string urls, string reason) =>
        new(DashboardCodes.CannotListen, Severity.Error, SourceSpan.None, $"The dashboard cannot listen on {EchoText.Short(urls)}: {reason}",
            "Choose a free port with --urls http://127.0.0.1:PORT, or stop what holds it.");

    public static Diagnostic PasswordInputUnusable(string problem) =>
        new(DashboardCodes.PasswordInputUnusable, Severity.Error, SourceSpan.None, $"Standard input holds {problem}, not one password.",
            "Pipe the password in: alu fleet hash-password < password-file (never as an argument: arguments are visible to every user).");

    public static Diagnostic FleetNotFound(string fleet, IReadOnlyList<string> known) =>
        new(DashboardCodes.FleetNotFound, Severity.Error, SourceSpan.None, $"The store holds no fleet run '{EchoText.Short(fleet)}'.",
            known.Count == 0 ? "Start one with alu fleet run FLEET or alu fleet start FLEET --db CONN." : $"Fleets in this store: {string.Join(", ", known.Take(10))}.");
}
