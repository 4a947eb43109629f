import CarrierCLI
