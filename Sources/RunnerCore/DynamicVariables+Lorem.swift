// The Latin vocabulary of the `$randomLorem…` variables.
//
// Postman's lorem values (faker 5's `lorem` module) are words of the Cicero passage that "lorem ipsum" was cut from,
// not the cut-down "lorem ipsum dolor sit amet, consectetur adipiscing elit" filler: `voluptatem`, `consequatur`,
// `aut`, `quia`, `repellendus`. Our vocabulary is every distinct word of that passage, De finibus bonorum et
// malorum 1.32–33 (public domain), read from the text below, so the words are of the same kind without being
// anyone's word list.

enum LoremVocabulary {
    /// Cicero, De finibus 1.10.32–33, lower case, punctuation left out.
    private static let passage = """
        sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium totam rem
        aperiam eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo
        nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugit sed quia consequuntur magni
        dolores eos qui ratione voluptatem sequi nesciunt neque porro quisquam est qui dolorem ipsum quia dolor sit
        amet consectetur adipisci velit sed quia non numquam eius modi tempora incidunt ut labore et dolore magnam
        aliquam quaerat voluptatem ut enim ad minima veniam quis nostrum exercitationem ullam corporis suscipit
        laboriosam nisi ut aliquid ex ea commodi consequatur quis autem vel eum iure reprehenderit qui in ea
        voluptate velit esse quam nihil molestiae consequatur vel illum qui dolorem eum fugiat quo voluptas nulla
        pariatur at vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium voluptatum
        deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati cupiditate non provident
        similique sunt in culpa qui officia deserunt mollitia animi id est laborum et dolorum fuga et harum quidem
        rerum facilis est et expedita distinctio nam libero tempore cum soluta nobis est eligendi optio cumque nihil
        impedit quo minus id quod maxime placeat facere possimus omnis voluptas assumenda est omnis dolor
        repellendus temporibus autem quibusdam et aut officiis debitis aut rerum necessitatibus saepe eveniet ut et
        voluptates repudiandae sint et molestiae non recusandae itaque earum rerum hic tenetur a sapiente delectus
        ut aut reiciendis voluptatibus maiores alias consequatur aut perferendis doloribus asperiores repellat
        """

    /// Every distinct word of the passage, in the order it first appears.
    static let words: [String] = {
        var seen = Set<String>()
        return passage.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init).filter { seen.insert($0).inserted }
    }()
}
