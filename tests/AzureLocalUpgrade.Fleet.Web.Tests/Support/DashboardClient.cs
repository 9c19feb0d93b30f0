using System.Net;
using System.Text.RegularExpressions;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Support;

/// <summary>A browser-like HTTP client: keeps cookies, does not follow redirects, reads forms' anti-forgery tokens.</summary>
internal sealed partial class DashboardClient : IDisposable
{
    private readonly HttpClient _http;

    public DashboardClient(Uri address)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<string> GetTextAsync(string path)
    {
        using var response = await GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"GET {path}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form with the anti-forgery token read from <paramref name="pageWithForm"/> (unless told not to).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string pageWithForm, IDictionary<string, string>? fields = null, bool withToken = true)
    {
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>());
        if (withToken)
        {
            var html = await GetTextAsync(pageWithForm);
            values["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);
        }

        using var content = new FormUrlEncodedContent(values);
        return await _http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public async Task SignInAsync(string user, string password)
    {
        using var response = await PostFormAsync("/signin", "/signin", new Dictionary<string, string> { ["user"] = user, ["password"] = password, ["returnUrl"] = "/" });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the account is in the access file");
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => await _http.SendAsync(request);

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
