// The namespaces most of this project's files use, imported once here instead of at the top of each file.
global using System.Net;
global using System.Net.Http.Json;
global using Cro.Tests.Infrastructure;
global using Dapper;
global using Npgsql;
