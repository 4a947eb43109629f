/// The endpoints under the base path, recognised from the decoded path segments.
enum SCIMEndpoint: Equatable {
    case serviceProviderConfig
    case resourceTypes
    case resourceType(String)
    case schemas
    case schema(String)
    /// `/Users` or `/Groups`: list (GET) and create (POST).
    case resources(SCIMResourceType)
    /// `POST /Users/.search` or `POST /Groups/.search`.
    case search(SCIMResourceType)
    /// `POST /.search` (RFC 7644 §3.4.3): a search across every resource type.
    case rootSearch
    /// `/Users/{id}` or `/Groups/{id}`.
    case resource(SCIMResourceType, id: String)

    /// The endpoint at `segments`, or nil (404) when there is none.
    init?(segments: [String]) {
        switch segments.count {
        case 1:
            switch segments[0] {
            case "ServiceProviderConfig": self = .serviceProviderConfig
            case "ResourceTypes": self = .resourceTypes
            case "Schemas": self = .schemas
            case ".search": self = .rootSearch
            default:
                guard let type = SCIMResourceType(segment: segments[0]) else { return nil }
                self = .resources(type)
            }
        case 2:
            switch segments[0] {
            case "ResourceTypes": self = .resourceType(segments[1])
            case "Schemas": self = .schema(segments[1])
            default:
                guard let type = SCIMResourceType(segment: segments[0]) else { return nil }
                self = segments[1] == ".search" ? .search(type) : .resource(type, id: segments[1])
            }
        default:
            return nil
        }
    }

    /// The methods the endpoint answers, for the 405 check and its `Allow` header.
    var allowedMethods: [String] {
        switch self {
        case .serviceProviderConfig, .resourceTypes, .resourceType, .schemas, .schema: ["GET", "HEAD"]
        case .resources: ["GET", "HEAD", "POST"]
        case .search, .rootSearch: ["POST"]
        case .resource: ["GET", "HEAD", "PUT", "PATCH", "DELETE"]
        }
    }
}
