using Microsoft.Extensions.FileProviders;

namespace Hokm.Server.WebClient;

/// <summary>
/// Serves the browser client (<c>wwwroot/</c>: plain HTML, CSS and ES modules) at <c>/</c>. See
/// docs/web-client.md.
/// </summary>
internal static class WebClientExtensions
{
    /// <summary>
    /// The page may load only its own scripts, styles and images and talk only to its own origin
    /// (the WebSocket included); no inline script, no framing.
    /// </summary>
    internal const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds <c>UseDefaultFiles</c> and <c>UseStaticFiles</c> for the web client.</summary>
    public static WebApplication UseHokmWebClient(this WebApplication app)
    {
        var files = FindWebRoot(app);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = static context => AddHeaders(context.Context.Response),
        });
        return app;
    }

    // The files are not fingerprinted (no build step), so the browser revalidates each one
    // (ETag / Last-Modified make that a 304): a deploy is seen at the next load.
    private static void AddHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
    }

    // The host's web root normally holds the files; hosts whose content root is elsewhere (tests
    // run from their own output folder) find the copy next to the assemblies.
    private static IFileProvider FindWebRoot(WebApplication app)
    {
        var root = app.Environment.WebRootFileProvider;
        if (root.GetFileInfo("index.html").Exists)
        {
            return root;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(beside) ? new PhysicalFileProvider(beside) : root;
    }
}
