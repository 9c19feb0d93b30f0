using Microsoft.Playwright;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Browser;

/// <summary>
/// One headless Debian chromium (/usr/bin/chromium, installed by scripts/test.sh; Playwright never downloads a
/// browser here) per test class, with a fresh user-data-dir deleted afterwards and every background service that
/// would reach the network switched off.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private string? _userDataDir;

    public IBrowserContext Context { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run the tests with scripts/test.sh, which installs Debian's chromium (apt-get install -y chromium).");
        }

        _userDataDir = Directory.CreateTempSubdirectory("alu-chromium-").FullName;
        _playwright = await Playwright.CreateAsync();
        Context = await _playwright.Chromium.LaunchPersistentContextAsync(_userDataDir, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Arguments,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
    }

    public async Task DisposeAsync()
    {
        if (Context is not null)
        {
            await Context.CloseAsync();
        }

        _playwright?.Dispose();
        if (_userDataDir is not null)
        {
            Directory.Delete(_userDataDir, recursive: true);
        }
    }
}
